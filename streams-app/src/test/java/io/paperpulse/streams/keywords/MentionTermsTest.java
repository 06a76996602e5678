package io.paperpulse.streams.keywords;

import static io.paperpulse.streams.keywords.KeywordExtractor.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MentionTermsTest {
  private static Map<String, MentionTerms.Term> byKey(String title, String text) {
    return MentionTerms.of(title, text).stream()
        .collect(Collectors.toMap(MentionTerms.Term::key, Function.identity()));
  }

  @Test
  void namesKeepTheirFormAndShareTheKeyAPersonTyping() {
    Map<String, MentionTerms.Term> terms =
        byKey("", "We evaluate GPT-5, Qwen3 and DeepSeek-R1 on MMLU. Qwen2.5-VL reads charts.");

    assertThat(terms.get(keyOf("GPT-5"))).isEqualTo(new MentionTerms.Term(keyOf("GPT-5"), "GPT-5", true, true));
    assertThat(terms.get(keyOf("Qwen3"))).isEqualTo(new MentionTerms.Term(keyOf("Qwen3"), "Qwen3", true, true));
    assertThat(terms.get(keyOf("DeepSeek-R1")))
        .isEqualTo(new MentionTerms.Term(keyOf("DeepSeek-R1"), "DeepSeek-R1", true, true));
    assertThat(terms.get(keyOf("MMLU"))).isEqualTo(new MentionTerms.Term(keyOf("MMLU"), "MMLU", true, true));
    assertThat(terms.get(keyOf("Qwen2.5-VL")))
        .isEqualTo(new MentionTerms.Term("qwen2.5-vl", "Qwen2.5-VL", true, false));
    assertThat(terms.keySet()).noneMatch(k -> k.equals("vl") || k.startsWith("5"));
    // A versioned name also counts under its families: "Qwen2.5-VL" is a Qwen2.5 and a Qwen2.
    assertThat(terms.get("qwen2.5")).isEqualTo(new MentionTerms.Term("qwen2.5", "Qwen2.5", true, true));
    assertThat(terms.get("qwen2")).isEqualTo(new MentionTerms.Term("qwen2", "Qwen2", true, true));
    assertThat(keyOf("GPT-5")).isEqualTo("gpt-5");
    assertThat(keyOf("Qwen3")).isEqualTo("qwen3");
  }

  @Test
  void twoContentWordsJoinedByOfAreATermWhetherOrNotAnAcronymDefinesIt() {
    Map<String, MentionTerms.Term> plain =
        byKey("", "We scale a sparse mixture of experts with chain of thought and a theory of mind. A number of tokens, the role of data.");
    Map<String, MentionTerms.Term> defined = byKey("", "A mixture of experts (MoE) routes tokens; the MoE is sparse.");

    assertThat(plain).containsKeys("mixture of expert", "chain of thought", "theory of mind");
    assertThat(plain.get("mixture of expert").label()).isEqualTo("mixture of experts");
    assertThat(defined).as("one key, with or without the acronym").containsKey("mixture of expert").doesNotContainKey("moe");
    assertThat(plain.keySet()).as("a quantity, a generic word, or a word of another clause is no part of one")
        .noneMatch(key -> key.startsWith("number of") || key.startsWith("role of") || key.endsWith("of data") || key.startsWith("mind of"));
  }

  @Test
  void aHyphenatedAndASpacedFormAreOneTermWhileANameWithADigitKeepsItsHyphen() {
    Map<String, MentionTerms.Term> hyphenated =
        byKey("Chain-of-Thought for KV-caches", "We compress KV-cache entries with vision-language models and DeepSeek-R1.");
    Map<String, MentionTerms.Term> spaced =
        byKey("Chain of thought for KV caches", "We compress KV cache entries with vision language models and DeepSeek-R1.");

    for (String key : List.of("chain of thought", "kv cache", "kv cache entry", "vision language model", "deepseek-r1")) {
      assertThat(hyphenated).as(key).containsKey(key);
      assertThat(spaced).as(key).containsKey(key);
    }
    assertThat(hyphenated.get("kv cache").label()).isEqualTo("KV-cache");
    assertThat(keyOf("chain-of-thought")).isEqualTo(keyOf("Chain of Thought"));
    assertThat(keyOf("KV-caches")).isEqualTo(keyOf("KV cache"));
  }

  @Test
  void aDefinedAcronymCountsUnderItsPhrase() {
    Map<String, MentionTerms.Term> terms =
        byKey(
            "Probing LLMs",
            "Large language models (LLMs) are widely deployed. LLMs hallucinate, so we probe an LLM.");

    assertThat(terms).containsKey(keyOf("large language model"));
    assertThat(terms.get(keyOf("large language model")).label()).isEqualTo("large language models");
    assertThat(terms.get(keyOf("large language model")).named()).isTrue();
    assertThat(terms).doesNotContainKey(keyOf("LLM"));
    assertThat(keyOf("LLMs")).isEqualTo(keyOf("LLM"));
    assertThat(keyOf("large language models")).isEqualTo(keyOf("Large Language Model"));
  }

  @Test
  void anAcronymPapersDefineOneWayCountsUnderItsPhraseWhereThePaperDoesNotDefineIt() {
    Map<String, MentionTerms.Term> terms = byKey("", "We fine-tune LLMs with RAG and test an LLM.");

    assertThat(terms.get(keyOf("large language model")))
        .isEqualTo(new MentionTerms.Term("large language model", "large language models", true, true));
    assertThat(terms.get(keyOf("retrieval-augmented generation")).named()).isTrue();
    assertThat(terms).doesNotContainKeys(keyOf("LLM"), keyOf("RAG"));
    // Typed by a person, the acronym finds its phrase; a word in small letters is no acronym in a paper.
    assertThat(MentionTerms.keyOf("LLMs")).isEqualTo("large language model");
    assertThat(MentionTerms.keyOf("llm")).isEqualTo("large language model");
    assertThat(byKey("", "The llm tool runs.")).containsKey("llm");
  }

  @Test
  void aKnownAcronymWrittenOnlyBeforeAnotherWordDoesNotEndItsPhrase() {
    Map<String, MentionTerms.Term> terms = byKey("", "We compress the KV cache and plan with LLM agents.");

    assertThat(terms.get("key value").ends()).as("KV of KV cache").isFalse();
    assertThat(terms.get("large language model").ends()).as("LLM of LLM agents").isFalse();
    assertThat(byKey("", "Our agents are built on LLMs.").get("large language model").ends()).isTrue();
  }

  @Test
  void aPapersOwnDefinitionOfAnAcronymWinsOverTheTable() {
    Map<String, MentionTerms.Term> terms =
        byKey("", "Large-scale language models (LLMs) are trained on web text. LLMs memorise.");

    assertThat(terms).containsKey(keyOf("large-scale language model")).doesNotContainKey(keyOf("large language model"));
  }

  @Test
  void anAcronymOutsideTheTableIsANamedTermOfItsOwn() {
    Map<String, MentionTerms.Term> terms = byKey("", "We prompt SAM and train with DAPO.");

    assertThat(terms.get(keyOf("SAM"))).isEqualTo(new MentionTerms.Term("sam", "SAM", true, true));
    assertThat(terms.get(keyOf("DAPO")).named()).isTrue();
    assertThat(MentionTerms.keyOf("SAM")).isEqualTo("sam");
  }

  @Test
  void eachTermOnceSortedByKeyWithPhrasesOfUpToFourWords() {
    String sentence = "Sparse mixture routing layers help. ";
    List<MentionTerms.Term> terms =
        MentionTerms.of("", sentence.repeat(5) + "Graph neural network message passing works.");

    List<String> keys = terms.stream().map(MentionTerms.Term::key).toList();
    assertThat(keys).doesNotHaveDuplicates().isSorted();
    assertThat(keys).contains(keyOf("sparse mixture routing layers"), keyOf("graph neural network message"));
    assertThat(keys).doesNotContain(keyOf("graph neural network message passing"));
  }

  @Test
  void aTermEndsItsPhraseWhereNoWordOfTheSameNounPhraseFollows() {
    Map<String, MentionTerms.Term> terms =
        byKey("", "Large language models are everywhere. We prompt large language model agents trained on fine-grained semantic cues.");

    assertThat(terms.get(keyOf("large language models")).ends()).isTrue(); // a verb follows
    assertThat(terms.get(keyOf("large language model agents")).ends()).isTrue(); // a participle follows
    assertThat(terms.get(keyOf("large language")).ends()).isFalse();
    assertThat(terms.get(keyOf("fine-grained semantic")).ends()).isFalse();
    assertThat(terms.get(keyOf("fine-grained semantic cues")).ends()).isTrue(); // the text ends
    assertThat(terms.get(keyOf("language model agents")).ends()).isTrue();
  }

  @Test
  void aPhraseDefinedByItsAcronymEndsItsPhrase() {
    Map<String, MentionTerms.Term> terms = byKey("", "We survey retrieval augmented generation (RAG) pipelines built on RAG.");

    assertThat(terms.get(keyOf("retrieval augmented generation")).ends()).isTrue();
  }

  @Test
  void theMostFrequentFormIsTheLabel() {
    Map<String, MentionTerms.Term> terms =
        byKey("", "We study diffusion models. A diffusion model denoises. Diffusion models scale.");

    assertThat(terms.get(keyOf("diffusion model")).label()).isEqualTo("diffusion models");
    assertThat(terms.get(keyOf("diffusion model")).named()).isFalse();
  }

  @Test
  void aCapitalisedWordMidSentenceIsNamedButNotInTheTitleOrAtASentenceStart() {
    Map<String, MentionTerms.Term> terms =
        byKey(
            "Selective Scans for Vision",
            "Transformers are slow. We replace attention with Mamba layers. Large Language Models "
                + "stay as they are, and Gaussian noise too.");

    assertThat(terms.get("mamba")).isEqualTo(new MentionTerms.Term("mamba", "Mamba", true, false));
    assertThat(terms.get("transformer").named()).isFalse();
    assertThat(terms.get("selective scan").named()).isFalse();
    assertThat(terms.get("language model").named()).isFalse();
    assertThat(terms.get("gaussian noise")).isEqualTo(new MentionTerms.Term("gaussian noise", "gaussian noise", false, true));
  }

  @Test
  void latexCommandsNeverBecomeTerms() {
    List<MentionTerms.Term> terms =
        MentionTerms.of("", "\\emph{robust} training with \\textbf{ours} and $\\mathcal{L}$ as in \\cite{smith2020}.");

    assertThat(terms).extracting(MentionTerms.Term::key)
        .noneMatch(k -> k.contains("emph") || k.contains("textbf") || k.contains("mathcal") || k.contains("smith"));
    assertThat(MentionTerms.listable("emph", "emph")).isFalse();
    assertThat(MentionTerms.listable("textbf", "textbf")).isFalse();
  }

  @Test
  void aTypicalAbstractGivesAReasonableNumberOfTerms() {
    String title = "Fragile Mastery: Are Domain-Specific Trade-Offs Undermining On-Device Language Models?";
    String text =
        "The application of on-device language models (ODLMs) on resource-constrained edge devices is a "
            + "multi-dimensional problem that strikes a fine balance between computational effectiveness, "
            + "memory, power usage, and linguistic capacity across heterogeneous tasks. This holistic study "
            + "conducts a thorough investigation of the trade-offs between domain-specific optimization and "
            + "cross-domain robustness, culminating in the proposal of the Generalized Edge Model (GEM), a new "
            + "architecture that aims to balance specialization and generalization in a harmonious manner.";

    Map<String, MentionTerms.Term> terms = byKey(title, text);

    assertThat(terms).hasSizeBetween(20, 80);
    assertThat(terms).containsKeys(keyOf("on-device language models"), keyOf("generalized edge model"))
        .doesNotContainKeys("odlm", "gem");
  }
}
