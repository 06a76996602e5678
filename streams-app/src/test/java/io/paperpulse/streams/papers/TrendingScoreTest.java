package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {
  private static PaperSummary paper(String id, long day, Integer upvotes, int listed, String... terms) {
    return new PaperSummary(id, "Title " + id, List.of(), "", null, List.of("Machine Learning"), day, upvotes, listed, List.of(terms), false);
  }

  private static Map<String, TrendingScore.Strength> strengths(Object... keyScores) {
    Map<String, TrendingScore.Strength> out = new java.util.HashMap<>();
    for (int i = 0; i < keyScores.length; i += 2) {
      out.put((String) keyScores[i], new TrendingScore.Strength((Double) keyScores[i + 1], (String) keyScores[i]));
    }
    return out;
  }

  @Test
  void aPaperWithNoSignalScoresOneOnItsDay() {
    assertThat(TrendingScore.score(paper("a", 10, null, 1, "x"), Map.of(), PaperWindow.P1D, 10).score()).isEqualTo(1.0);
  }

  @Test
  void eachTrendingKeywordAddsTheLogOfItsScore() {
    TrendingScore.Scored s = TrendingScore.score(paper("a", 10, null, 1, "agents", "diffusion", "other"),
        strengths("agents", 4.0, "diffusion", 2.0, "unrelated", 8.0), PaperWindow.P1D, 10);

    assertThat(s.score()).isCloseTo((1 + 2 + 1), within(1e-12));
    assertThat(s.keywords()).extracting(TrendingScore.Share::keyword).containsExactly("agents", "diffusion");
    assertThat(s.keywords().get(0).contribution()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void aKeywordInsideOrAroundAStrongerOneOfThePaperDoesNotCount() {
    TrendingScore.Scored s = TrendingScore.score(
        paper("a", 10, null, 1, "large language model", "language model", "large language", "agent", "agents benchmark", "gpt-5", "gpt-5.5"),
        strengths("large language model", 4.0, "language model", 8.0, "large language", 2.0, "agent", 2.0, "agents benchmark", 4.0,
            "gpt-5", 2.0, "gpt-5.5", 16.0),
        PaperWindow.P1D, 10);

    // "large language model" holds the stronger "language model", "large language" is inside "large language model";
    // "agent" is no word of "agents benchmark", and "gpt-5" none of "gpt-5.5".
    assertThat(s.keywords()).extracting(TrendingScore.Share::keyword)
        .containsExactly("gpt-5.5", "language model", "agents benchmark", "agent", "gpt-5");
    assertThat(s.score()).isCloseTo(1 + 4 + 3 + 2 + 1 + 1, within(1e-12));
  }

  @Test
  void onlyTheFiveStrongestKeywordsCount() {
    List<String> terms = new ArrayList<>();
    List<Object> scores = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      terms.add("k" + i);
      scores.add("k" + i);
      scores.add(2.0);
    }
    TrendingScore.Scored s = TrendingScore.score(paper("a", 10, null, 1, terms.toArray(String[]::new)),
        strengths(scores.toArray()), PaperWindow.P1D, 10);

    assertThat(s.keywords()).hasSize(TrendingScore.MAX_KEYWORDS);
    assertThat(s.score()).isCloseTo(1 + TrendingScore.MAX_KEYWORDS, within(1e-12));
  }

  @Test
  void upvotesAndRepeatedListingsBoostAndAgeDecays() {
    double plain = TrendingScore.score(paper("a", 10, null, 1), Map.of(), PaperWindow.P7D, 10).score();
    double voted = TrendingScore.score(paper("a", 10, 99, 1), Map.of(), PaperWindow.P7D, 10).score();
    double relisted = TrendingScore.score(paper("a", 10, null, 2), Map.of(), PaperWindow.P7D, 10).score();
    double older = TrendingScore.score(paper("a", 7, null, 1), Map.of(), PaperWindow.P7D, 10).score();

    assertThat(voted).isCloseTo(1 + Math.log(100) / 2, within(1e-12));
    assertThat(relisted).isCloseTo(1 + Math.log(2) / 2, within(1e-12));
    assertThat(older).as("three days old, half-life 3 days").isCloseTo(plain / 2, within(1e-12));
  }

  @Test
  void aPaperAfterTheWindowIsRefused() {
    assertThatThrownBy(() -> TrendingScore.score(paper("a", 11, null, 1), Map.of(), PaperWindow.P1D, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paper a of day 11 is after the window's last day 10");
  }

  @Test
  void theRankingOrdersByScoreThenNewerDayThenIdAndKeepsTheTopK() {
    List<RankMessage> entries = new ArrayList<>();
    for (int i = 0; i < Ranking.TOP_K + 20; i++) {
      PaperSummary p = paper(String.format("p%03d", i), 10 - i % 3, i % 7 == 0 ? 50 : null, 1);
      entries.add(RankMessage.entry(0, 10, PaperWindow.P7D, p, TrendingScore.score(p, Map.of(), PaperWindow.P7D, 10)));
    }
    java.util.Collections.shuffle(entries, new java.util.Random(1));

    List<RankMessage> top = Ranking.top(entries);

    assertThat(top).hasSize(Ranking.TOP_K).isSortedAccordingTo(Ranking.ORDER);
    assertThat(top.get(0).paper().upvotes()).isEqualTo(50);
    java.util.Collections.reverse(entries);
    assertThat(Ranking.top(entries)).isEqualTo(top);
  }

  @Test
  void aSummaryKeepsTheAbstractsFirstSentencesWithoutFontCommands() {
    String sentence = "A sentence of some forty characters here. ";
    String text = sentence.repeat(20);

    String start = PaperSummary.abstractStart(text);

    assertThat(start).hasSizeLessThanOrEqualTo(PaperSummary.ABSTRACT_CHARS).endsWith("here.");
    assertThat(PaperSummary.abstractStart("Short.")).isEqualTo("Short.");
    assertThat(PaperSummary.abstractStart("word ".repeat(200))).endsWith("…").hasSizeLessThanOrEqualTo(PaperSummary.ABSTRACT_CHARS);
    assertThat(PaperSummary.abstractStart("We \\emph{evaluate} \\textbf{RealMath-Eval}, a \\texttt{new} suite."))
        .isEqualTo("We evaluate RealMath-Eval, a new suite.");
    assertThat(PaperSummary.abstractStart("Kept: $\\mathcal{O}(n)$ and \\emph{a $x$ b} and \\cite{k}."))
        .as("math, a command around math, and other commands stay as written")
        .isEqualTo("Kept: $\\mathcal{O}(n)$ and \\emph{a $x$ b} and \\cite{k}.");
  }

  @Test
  void strengthsFindEveryTrendingKeyAndNoOther() {
    for (int size : new int[] {0, 1, 7, 8, 9, 1_000}) {
      Map<String, TrendingScore.Strength> byKey = new java.util.HashMap<>();
      for (int i = 0; i < size; i++) {
        byKey.put("trending " + i, new TrendingScore.Strength(2.0 + i, "Trending " + i));
      }
      TrendingScore.Strengths strengths = new TrendingScore.Strengths(byKey);

      byKey.forEach((key, strength) -> assertThat(strengths.get(key, key.hashCode())).isSameAs(strength));
      // With at most 1 in 8 false hits in the bits, some of these reach the map, which says no.
      for (int i = 0; i < 20_000; i++) {
        String other = "other " + i;
        assertThat(strengths.get(other, other.hashCode())).as("%s among %d", other, size).isNull();
      }
    }
  }

  @Test
  void termHashesMustMatchThePapersTerms() {
    PaperSummary paper = paper("a", 10, null, 1, "agents", "diffusion");
    TrendingScore.Strengths none = new TrendingScore.Strengths(Map.of());

    assertThatThrownBy(() -> TrendingScore.score(paper, new int[1], none, PaperWindow.P1D, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 terms and 1 term hashes");
  }
}
