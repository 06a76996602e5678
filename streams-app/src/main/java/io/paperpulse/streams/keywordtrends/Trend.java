package io.paperpulse.streams.keywordtrends;

import io.paperpulse.avro.PaperRef;
import io.paperpulse.streams.analytics.SamplePaper;
import io.paperpulse.streams.trends.Evaluation;
import java.time.LocalDate;
import java.util.List;

/**
 * A keyword's trend in one window, as the API shows it. {@code fragment}: the keyword reads as the
 * start of longer phrases ({@link io.paperpulse.streams.trends.Trending#fragment}), so no list takes it.
 */
public record Trend(
    String keyword, String label, String window, String start, String end, long count, long total,
    long baselineCount, long baselineTotal, int baselineDays, double expected, double ratio, double score,
    double pValue, boolean emerging, boolean fragment, long[] weeks, List<SamplePaper> samples) {
  static Trend of(String keyword, String label, Evaluation e, boolean fragment, long[] weeks, List<PaperRef> samples) {
    double expected = e.baselineTotal() == 0 ? 0.0 : (double) e.baselineCount() / e.baselineTotal() * e.total();
    return new Trend(keyword, label, e.window().name(), LocalDate.ofEpochDay(e.startDay()).toString(),
        LocalDate.ofEpochDay(e.endDay()).toString(), e.count(), e.total(), e.baselineCount(), e.baselineTotal(),
        e.baselineDays(), expected, e.ratio(), e.score(), e.pValue(), e.emerging(), fragment, weeks, SamplePaper.of(samples));
  }
}
