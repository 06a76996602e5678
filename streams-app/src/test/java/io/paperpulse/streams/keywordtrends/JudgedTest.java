package io.paperpulse.streams.keywordtrends;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.trends.TrendWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgedTest {
  @Test
  void weeksSumTheDaysInRunsOfSevenEndingOnTheDayOldestFirst() {
    long[] counts = new long[TrendWindow.HISTORY_DAYS];
    int today = counts.length - 1;
    counts[today] = 1;
    counts[today - 6] = 2; // the oldest day of this week
    counts[today - 7] = 4; // the newest day of the week before
    counts[today - 7 * 11] = 16; // the newest day of the oldest of 12 weeks
    counts[today - 7 * 12] = 32; // the week before that: not among 12
    counts[0] = 64;
    KeywordHistory.Judged judged = new KeywordHistory.Judged("k", 500, 500, null, List.of(), counts, counts);

    assertThat(judged.weeks(12)).containsExactly(16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 3);
    assertThat(judged.weeks(1)).containsExactly(3);
  }
}
