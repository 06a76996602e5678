package io.paperpulse.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class TrendMathTest {
  /** P(X >= k) by summing the probability mass directly, for checking. */
  private static double directTail(int k, int n, double p) {
    double sum = 0;
    for (int i = k; i <= n; i++) {
      double log = Binomial.logGamma(n + 1) - Binomial.logGamma(i + 1) - Binomial.logGamma(n - i + 1)
          + i * Math.log(p) + (n - i) * Math.log1p(-p);
      sum += Math.exp(log);
    }
    return sum;
  }

  @Test
  void binomialTailsMatchTheDirectSumFromSmallToLargeCounts() {
    assertThat(Binomial.upperTail(5, 5, 1.0 / 9)).isCloseTo(Math.pow(1.0 / 9, 5), withPercentage(1e-6));
    assertThat(Binomial.upperTail(0, 10, 0.3)).isEqualTo(1.0);
    assertThat(Binomial.upperTail(11, 10, 0.3)).isEqualTo(0.0);
    for (int[] c : new int[][] {{3, 10}, {7, 40}, {25, 27}, {60, 500}, {1500, 13500}}) {
      for (double p : new double[] {0.03, 0.11, 0.5}) {
        double expected = directTail(c[0], c[1], p);
        assertThat(Binomial.upperTail(c[0], c[1], p)).as("k=%d n=%d p=%f", c[0], c[1], p)
            .isCloseTo(expected, offset(Math.max(1e-12, expected * 1e-6)));
      }
    }
  }

  @Test
  void aTermFromNothingIsJudgedByHowManyPapersShowIt() {
    // Eight quiet weeks of 1,600 papers against a week of 1,600: each new mention lands in the
    // window with probability 1/9 under no change.
    double five = RateComparison.pValue(5, 1600, 0, 12800);
    double two = RateComparison.pValue(2, 1600, 0, 12800);
    assertThat(five).isCloseTo(Math.pow(1.0 / 9, 5), withPercentage(1e-6));
    assertThat(two).isCloseTo(Math.pow(1.0 / 9, 2), withPercentage(1e-6));
    assertThat(RateComparison.lowerRatio(5, 1600, 0, 12800)).isGreaterThan(RateComparison.lowerRatio(2, 1600, 0, 12800));
  }

  @Test
  void aSmallBaselineCannotHideALargeRise() {
    // The watched-keyword case: twice in 40 days, then 25 of a day's 199 papers.
    double p = RateComparison.pValue(25, 199, 2, 6440);
    double score = RateComparison.lowerRatio(25, 199, 2, 6440);
    assertThat(p).isLessThan(1e-20);
    assertThat(score).isGreaterThan(30);
  }

  @Test
  void aCommonTermWithASmallRiseHasALowScoreThoughItIsSignificant() {
    // "large language model": a 10% rise on a thousand papers a week is real but not news.
    double p = RateComparison.pValue(1100, 1600, 8000, 12800);
    double score = RateComparison.lowerRatio(1100, 1600, 8000, 12800);
    assertThat(p).isLessThan(0.01);
    assertThat(score).isBetween(1.0, 1.15);
    assertThat(RateComparison.pValue(100, 1600, 800, 12800)).isGreaterThan(0.3);
  }

  @Test
  void falseDiscoveryControlCountsTheTestsThatWereNotShown() {
    double[] q = FalseDiscovery.qValues(new double[] {1e-6, 0.001, 0.0005}, 1000);
    assertThat(q[0]).isCloseTo(1e-3, withPercentage(1e-9));
    assertThat(q[2]).isCloseTo(0.25, withPercentage(1e-9)); // 0.0005 * 1000 / 2
    assertThat(q[1]).isCloseTo(0.001 * 1000 / 3, withPercentage(1e-9));
    assertThat(FalseDiscovery.qValues(new double[] {0.04}, 1)[0]).isEqualTo(0.04);
  }

  private static Trending.Tested tested(String key, long count, long baseline) {
    Evaluation e = new Evaluation(TrendWindow.P7D, 100, count, 1600, baseline, 12800, 56,
        RateComparison.pValue(count, 1600, baseline, 12800), RateComparison.ratio(count, 1600, baseline, 12800),
        RateComparison.lowerRatio(count, 1600, baseline, 12800), baseline == 0);
    return new Trending.Tested(key, key, e);
  }

  @Test
  void theListRanksByScoreAndDropsFragmentsUnlistableAndInsignificantKeywords() {
    List<Trending.Tested> candidates = List.of(
        tested("qwen3", 50, 40),              // steady growth: listed
        tested("zorblax", 12, 0),             // from nothing: listed, first
        tested("large language", 40, 0),     // inside "large language model"
        tested("large language model", 38, 0),
        tested("signal", 30, 10),             // not listable
        tested("faint", 5, 8));               // not significant
    Map<String, Long> counts = Map.of("qwen3", 50L, "zorblax", 12L, "large language", 40L, "large language model", 38L,
        "signal", 30L, "faint", 5L, "other", 9L);

    List<Trending.Listed> listed = Trending.rank(candidates, 5000, 0, counts, (key, label) -> !key.equals("signal"));

    assertThat(listed).extracting(l -> l.tested().key()).containsExactly("large language model", "zorblax", "qwen3");
    assertThat(listed).allSatisfy(l -> assertThat(l.qValue()).isLessThanOrEqualTo(Trending.MAX_Q));
  }

  private static Trending.Tested tested(String key, String label, long count, long baseline) {
    Trending.Tested t = tested(key, count, baseline);
    return new Trending.Tested(key, label, t.evaluation());
  }

  @Test
  void aNameNeedsHalfTheEvidenceOfAPlainPhraseWhenAFifthOfTheTestsAreNames() {
    // p about 1.3e-4: alone among 1,000 tests, q = 0.13 unweighted.
    Trending.Tested name = tested("gpt-5.5", "GPT-5.5", 10, 14);
    Trending.Tested phrase = tested("semantic control", "semantic control", 10, 14);
    double p = name.evaluation().pValue();
    assertThat(p).isBetween(1e-4, 2e-4);
    Map<String, Long> counts = Map.of("gpt-5.5", 10L, "semantic control", 10L);

    assertThat(Trending.rank(List.of(name), 1000, 0, counts, (k, l) -> true)).isEmpty();
    List<Trending.Listed> weighted = Trending.rank(List.of(name), 1000, 200, counts, (k, l) -> true);
    assertThat(Trending.rank(List.of(phrase), 1000, 200, counts, (k, l) -> true)).isEmpty();

    assertThat(weighted).extracting(l -> l.tested().key()).containsExactly("gpt-5.5");
    // weights 2 and (1000 - 400) / 800 = 0.75 average one over the tests
    assertThat(weighted.get(0).qValue()).isCloseTo(p / 2 * 1000, withPercentage(1e-6));
    assertThat(Trending.named("GPT-5.5")).isTrue();
    assertThat(Trending.named("on-policy distillation")).isFalse();
    assertThat(Trending.named("Qwen3")).isTrue();
    assertThat(Trending.named("o3 reasoning")).isTrue();
    assertThat(Trending.named("3D memory")).as("a dimension").isFalse();
    assertThat(Trending.named("modern 3d")).isFalse();
    assertThat(Trending.named("7B model")).as("a size").isFalse();
    assertThat(Trending.named("2nd stage")).as("an ordinal").isFalse();
    assertThat(Trending.named("3D Gaussian Splatting")).as("a capital beside the dimension").isTrue();
  }

  @Test
  void withNamesInMostTestsTheirWeightIsCappedSoTheWeightsStillAverageOne() {
    Trending.Tested phrase = tested("semantic control", "semantic control", 40, 0);
    Map<String, Long> counts = Map.of("semantic control", 40L);
    // 800 of 1,000 tests are names: a name weighs 1,000 / 800, a plain phrase nothing.
    assertThat(Trending.rank(List.of(phrase), 1000, 800, counts, (k, l) -> true)).isEmpty();
    assertThat(Trending.rank(List.of(phrase), 1000, 0, counts, (k, l) -> true)).hasSize(1);
  }

  @Test
  void aWeekTestsANameFromFivePapersAndAPlainPhraseFromEight() {
    assertThat(tested("dapo", 5, 0).evaluation().supported(true)).isTrue();
    assertThat(tested("safety benchmark", 7, 0).evaluation().supported(false)).isFalse();
    assertThat(tested("safety benchmark", 8, 0).evaluation().supported(false)).isTrue();
    // Five papers from nothing in a week, after 56 days of 100 papers a day: a name's first week may be emerging.
    assertThat(Evaluation.of(TrendWindow.P7D, 100, d -> d > 95 ? 1 : 0, d -> 100).emerging()).isTrue();
    assertThat(Evaluation.of(TrendWindow.P7D, 100, d -> d > 96 ? 1 : 0, d -> 100).emerging()).isFalse();
  }

  @Test
  void windowsSumTheirDaysAndCompareWithThePeriodBeforeThem() {
    // 100 papers a day; the keyword twice a week before day 100, then 10 a day in its last week.
    Evaluation e = Evaluation.of(TrendWindow.P7D, 100,
        d -> d > 93 ? 10 : (d % 7 == 0 || d % 7 == 3 ? 1 : 0), d -> 100);
    assertThat(e.count()).isEqualTo(70);
    assertThat(e.total()).isEqualTo(700);
    assertThat(e.baselineCount()).isEqualTo(16);
    assertThat(e.baselineTotal()).isEqualTo(5600);
    assertThat(e.baselineDays()).isEqualTo(56);
    assertThat(e.emerging()).isFalse();
    assertThat(e.score()).isGreaterThan(10);

    Evaluation fresh = Evaluation.of(TrendWindow.P7D, 100, d -> d > 95 ? 2 : 0, d -> 100);
    assertThat(fresh.emerging()).isTrue();
    Evaluation noHistory = Evaluation.of(TrendWindow.P7D, 100, d -> d > 95 ? 2 : 0, d -> d > 90 ? 100 : 0);
    assertThat(noHistory.emerging()).as("no baseline data: not known to be new").isFalse();
  }

  @Test
  void aTermFirstSeenInTheTwoWeeksBeforeItsWaveIsStillNew() {
    // 100 papers a day; a model's 2 first mentions, then 6 papers in a week, as qwen3 in May 2025.
    LongUnaryOperator release = d -> d == 88 || d == 90 ? 1 : d > 93 && d < 100 ? 1 : 0;
    assertThat(Evaluation.of(TrendWindow.P7D, 100, release, d -> 100).emerging()).isTrue();

    LongUnaryOperator seenLongBefore = d -> d == 60 || d == 90 ? 1 : d > 93 && d < 100 ? 1 : 0;
    assertThat(Evaluation.of(TrendWindow.P7D, 100, seenLongBefore, d -> 100).emerging())
        .as("a paper 5 weeks before: not new").isFalse();
    LongUnaryOperator busyBefore = d -> d > 85 && d < 94 ? 1 : d > 93 && d < 100 ? 2 : 0;
    assertThat(Evaluation.of(TrendWindow.P7D, 100, busyBefore, d -> 100).emerging())
        .as("8 papers in the two weeks before, 12 in the week: no wave").isFalse();
  }

  @Test
  void aSpikeAlertsOnceThroughAWeekendAndAgainOnlyAfterItEnded() {
    SpikeDetector.Decision friday = SpikeDetector.decide(SpikeDetector.NONE, 10, true, true);
    SpikeDetector.Decision monday = SpikeDetector.decide(friday.activeDay(), 13, true, true);
    SpikeDetector.Decision tuesday = SpikeDetector.decide(monday.activeDay(), 14, false, true);
    SpikeDetector.Decision later = SpikeDetector.decide(tuesday.activeDay(), 20, true, true);

    assertThat(friday.alert()).isTrue();
    assertThat(monday.alert()).as("the same spike after a weekend without listings").isFalse();
    assertThat(tuesday.activeDay()).isEqualTo(SpikeDetector.NONE);
    assertThat(later.alert()).isTrue();
    assertThat(SpikeDetector.decide(10, 10 + SpikeDetector.QUIET_DAYS + 1, true, true).alert()).isTrue();
  }

  @Test
  void aPhraseFewOfWhosePapersEndItIsAFragmentButASingleWordNever() {
    assertThat(Trending.fragment("larg languag", 100, 0)).isTrue();
    assertThat(Trending.fragment("fine grain semant", 10, 1)).isTrue();
    assertThat(Trending.fragment("flow match", 26, 16)).isFalse();
    assertThat(Trending.fragment("kv cach", 10, 2)).isFalse(); // a fifth is enough
    assertThat(Trending.fragment("gpt-5", 40, 0)).isFalse(); // "GPT-5 outputs": a name as modifier is still a term
    assertThat(Trending.fragment("larg languag", 0, 0)).isFalse();
  }
}
