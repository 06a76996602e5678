package io.paperpulse.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {
  /** Background statistics small enough to reason about: 1000 documents. */
  private static final DocumentFrequencies BACKGROUND =
      new DocumentFrequencies(1000, Map.of("model", 600, "diffusion", 40, "diffusion model", 30, "protein", 20, "language model", 50));
  private final KeywordExtractor extractor = new KeywordExtractor(BACKGROUND);

  private List<String> labels(String title, String text) {
    return extractor.extract(title, text, 10).stream().map(KeywordExtractor.Keyword::label).toList();
  }

  @Test
  void foldsCaseAndPluralsIntoOneKeyword() {
    List<KeywordExtractor.Keyword> keywords =
        extractor.extract("Diffusion Models for Proteins", "We train a diffusion model. Diffusion models design proteins.", 10);

    assertThat(keywords).extracting(KeywordExtractor.Keyword::key).contains("diffusion model").doesNotHaveDuplicates();
    assertThat(KeywordExtractor.keyOf("Diffusion Models")).isEqualTo(KeywordExtractor.keyOf("diffusion model"));
  }

  @Test
  void dropsNumbersLatexGenericWordsAndUrls() {
    List<String> labels =
        labels("", "In this paper we propose a method with $\\alpha = 0.5$ and 128 layers; code at https://github.com/a/b. The method works.");

    assertThat(labels).noneMatch(l -> l.contains("paper") || l.contains("method") || l.matches(".*\\d.*"))
        .noneMatch(l -> l.contains("alpha") || l.contains("github") || l.contains("propose"));
  }

  @Test
  void aPhraseUnknownToTheBackgroundScoresAsItsWordsDoNotAsTheRarestPhrase() {
    DocumentFrequencies background =
        new DocumentFrequencies(1000, Map.of("graph", 300, "color", 300, "protein", 20, "fold", 15, "protein fold", 10));
    KeywordExtractor extractor = new KeywordExtractor(background);

    List<String> labels =
        extractor.extract("", "Graph coloring and protein folding are studied.", 10).stream()
            .map(KeywordExtractor.Keyword::label).toList();

    // "graph coloring" never occurs in the background: by its own df it would be the rarest phrase
    // and come first; scored from its two common words, it ranks below the known, rarer phrase.
    assertThat(labels.get(0)).isEqualTo("protein folding");
    assertThat(labels.indexOf("graph coloring")).isGreaterThan(labels.indexOf("protein folding"));
  }

  @Test
  void aGenericWordMayStartAKeywordButIsNoKeywordAlone() {
    List<String> labels = labels("", "Data streams arrive fast. Data streams drift.");

    assertThat(labels).contains("data streams").doesNotContain("data");
  }

  @Test
  void aKeywordInsideABetterOneIsNotRepeated() {
    List<String> labels = labels("Protein language models", "Protein language models learn protein language.");

    assertThat(labels).contains("protein language models").doesNotContain("language models");
  }

  @Test
  void theBundledStatisticsFindTheObviousKeywordsOfARealAbstract() {
    KeywordExtractor bundled = new KeywordExtractor(DocumentFrequencies.bundled());
    List<String> labels = bundled.extract(
        "An Overview of Diffusion Models: Applications, Guided Generation, Statistical Rates and Optimization",
        "Diffusion models, a powerful and universal generative AI technology, have achieved tremendous success in computer vision, audio, reinforcement learning, and computational biology.",
        10).stream().map(KeywordExtractor.Keyword::label).toList();

    assertThat(labels).contains("diffusion models", "guided generation", "computational biology");
  }
}
