package io.paperpulse.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> surfaces(String text) {
    return Tokenizer.tokenize(text).stream().map(Tokenizer.Token::surface).toList();
  }

  @Test
  void aDotBetweenDigitsStaysInsideAWordButEndsASentence() {
    assertThat(surfaces("Qwen2.5-VL and GPT-3.5 beat v1. Then 0.5 more."))
        .containsExactly("Qwen2.5-VL", "and", "GPT-3.5", "beat", "v1", "Then", "more");
  }

  @Test
  void aDotAfterAWordInCapitalsAndBeforeADigitStaysInsideAName() {
    assertThat(surfaces("FLUX.1-dev and H.264 beat TRELLIS.2, as Fig.1 shows for NLP. 3 more."))
        .containsExactly("FLUX.1-dev", "and", "H.264", "beat", "TRELLIS.2", "as", "Fig", "shows", "for", "NLP", "more");
  }

  @Test
  void latexCommandNamesAndReferenceArgumentsAreSkipped() {
    assertThat(surfaces("\\emph{robust} training \\cite{smith2020} with \\(x_i\\) and \\textbf{ours}\\% done"))
        .containsExactly("robust", "training", "with", "and", "ours", "done");
  }

  @Test
  void aLatexCommandBreaksThePhrase() {
    List<Tokenizer.Token> tokens = Tokenizer.tokenize("graph \\emph neural network");

    assertThat(tokens.get(1).breakBefore()).isTrue();
    assertThat(tokens.get(2).breakBefore()).isFalse();
  }

  @Test
  void namesAreNotStemmedButPluralAcronymsAreAndHyphenatedWordsAreTheirParts() {
    assertThat(Tokenizer.tokenize("LLMs LMs NeRFs Qwen3 GPT-4s DINOS MoE LLaMA ResNets Models Multi-Agents Text-to-SQL"))
        .extracting(Tokenizer.Token::stem)
        .containsExactly("llm", "lm", "nerf", "qwen3", "gpt-4s", "dinos", "moe", "llama", "resnet", "model",
            "multi agent", "text to sql");
    assertThat(Tokenizer.tokenize("KV-caches KV caches fine-tuning fine tuning"))
        .extracting(Tokenizer.Token::stem)
        .containsExactly("kv cache", "kv", "cache", "fine tuning", "fine", "tuning");
  }

  @Test
  void marksSentenceStarts() {
    assertThat(Tokenizer.tokenize("Models learn. We use Mamba: Transformers fail"))
        .extracting(Tokenizer.Token::sentenceStart)
        .containsExactly(true, false, true, false, false, true, false);
  }

  @Test
  void keepsOffsetsOfEachWord() {
    String text = "the (LLMs) work";
    Tokenizer.Token token = Tokenizer.tokenize(text).get(1);

    assertThat(text.substring(token.start(), token.end())).isEqualTo("LLMs");
  }

  @Test
  void aTextReadAgainRightAfterIsNotTokenizedAgain() {
    String title = "Sparse Mixture of Experts";
    String body = new String("We route tokens to experts.".toCharArray());
    List<Tokenizer.Token> first = Tokenizer.tokenize(title);
    Tokenizer.tokenize(body);
    Tokenizer.tokenize("an unrelated phrase");

    assertThat(Tokenizer.tokenize(title)).isSameAs(first);
    // An equal text that is another string is read on its own, to the same tokens.
    String copy = new String(title.toCharArray());
    assertThat(Tokenizer.tokenize(copy)).isNotSameAs(first).isEqualTo(first);
    assertThatThrownBy(() -> first.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
    // Only the last four texts are kept.
    for (int i = 0; i < 4; i++) {
      Tokenizer.tokenize("another text " + i);
    }
    assertThat(Tokenizer.tokenize(title)).isNotSameAs(first).isEqualTo(first);
  }
}
