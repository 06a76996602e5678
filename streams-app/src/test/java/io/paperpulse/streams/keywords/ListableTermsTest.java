package io.paperpulse.streams.keywords;

import static io.paperpulse.streams.keywords.KeywordExtractor.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListableTermsTest {
  @Test
  void genericWordsFragmentsAndShortWordsAreNotListable() {
    for (String key :
        List.of("signal", "dynamic", "action", "gaussian", "flow", "evaluating faithful", "optimized bi-granular",
            "customize 3d", "gs", "model", "findings highlight", "generates high-quality", "multiple datasets",
            "enhancing model", "3d gaussian", "context-aware", "training-free", "held-out",
            "self-evolving", "time-varying", "final-answer", "robust context-aware", "improving accuracy")) {
      assertThat(ListableTerms.listable(keyOf(key), key)).as(key).isFalse();
    }
    assertThat(ListableTerms.listable("gaussian", "Gaussian")).isFalse();
    assertThat(ListableTerms.listable("transformer", "transformer")).isFalse();
  }

  @Test
  void eponymousStatisticsAloneAreNotListableButNamesAre() {
    for (String label : List.of("Pearson", "Spearman", "McNemar", "Hamming", "Wilcoxon")) {
      assertThat(ListableTerms.listable(keyOf(label), label)).as(label).isFalse();
    }
    for (String label : List.of("Reddit", "Lean", "NTIRE", "HotpotQA", "Pearson correlation")) {
      assertThat(ListableTerms.listable(keyOf(label), label)).as(label).isTrue();
    }
  }

  @Test
  void namesAndKeyphrasesAreListable() {
    for (String label :
        List.of("GPT-5", "Qwen3", "large language models", "diffusion model", "reinforcement learning",
            "learning rate", "LLM", "Mamba", "training data", "reasoning models", "anomaly detection",
            "retrieval-augmented generation", "supervised fine-tuning", "multi-task objective", "KV-cache", "chain of thought", "agentic-LLM", "LLM-based",
            "on-policy distillation", "in-context learning", "self-supervised learning", "follow-up study",
            "post-training quantization", "self-evolving agents", "decision-making process")) {
      assertThat(ListableTerms.listable(keyOf(label), label)).as(label).isTrue();
    }
  }
}
