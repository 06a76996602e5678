package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which final trends make a paper's trending keywords (its chips and its momentum). */
class StrongTrendTest {
  /** A week of 20 papers out of 200 a day, after 56 days of 1 out of 200. */
  private static KeywordTrend risingWeek(String key, String label) {
    long[] counts = new long[TrendWindow.HISTORY_DAYS];
    long[] totals = new long[TrendWindow.HISTORY_DAYS];
    for (int i = 0; i < counts.length; i++) {
      totals[i] = 200;
      counts[i] = i >= counts.length - 7 ? 20 : 1;
    }
    Evaluation e = Evaluation.of(TrendWindow.P7D, 500, counts, totals);
    return KeywordTrendsTopology.trend(key, label, List.of(), e, false);
  }

  @Test
  void aSignificantRiseOfAListablePhraseCounts() {
    assertThat(PapersTopology.strong(risingWeek("flow match", "flow matching"))).isTrue();
  }

  @Test
  void aFragmentDoesNotThoughItRisesAlike() {
    KeywordTrend fragment = risingWeek("larg languag", "large language");
    fragment.setFragment(true);

    assertThat(PapersTopology.strong(fragment)).isFalse();
  }
}
