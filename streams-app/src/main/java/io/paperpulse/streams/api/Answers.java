package io.paperpulse.streams.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.PaperRef;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.streams.trends.Evaluation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The API's answers, as records Jackson writes in the order of their components. */
final class Answers {
  private Answers() {}

  /** {@code GET /api/topics}: the window's research topics, most papers first; no dates while nothing is counted. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Topics(String window, String start, String end, long total, List<TopicShare> topics) {}

  record TopicShare(String topic, long count, double share) {}

  /** {@code GET /api/topics/{topic}/series}: one window ending on each day with papers. */
  record Series(String topic, String window, List<SeriesPoint> series) {}

  record SeriesPoint(String start, String end, long count, long total, double share, @JsonProperty("final") boolean closed) {}

  /** {@code GET /api/keywords/trending}; only the window, an empty day and the list while no paper has come. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Trending(
      String window, String day, String start, @JsonProperty("final") boolean closed, Long tested, Double maxQValue,
      List<JsonNode> keywords) {}

  /** {@code GET /api/alerts}: newest first. */
  record Alerts(List<JsonNode> alerts) {}

  record Alert(
      String key, String keyword, String label, String window, String day, long count, double baseline, double score,
      double pValue, boolean watched, String owner, List<Paper> samples) {
    static Alert of(String key, SpikeAlert a) {
      return new Alert(key, a.getKeyword(), a.getLabel(), a.getWindow(), a.getStart().toString(), a.getCount(),
          a.getBaseline(), a.getScore(), a.getPValue(), a.getWatched(), a.getOwner(), Paper.of(a.getSamples()));
    }
  }

  record Paper(String id, String title) {
    static List<Paper> of(List<PaperRef> papers) {
      return papers.stream().map(p -> new Paper(p.getId(), p.getTitle())).toList();
    }
  }

  /** A keyword's trend in one window. */
  record Trend(
      String keyword, String label, String window, String start, String end, long count, long total,
      long baselineCount, long baselineTotal, int baselineDays, double expected, double ratio, double score,
      double pValue, boolean emerging, long[] weeks, List<Paper> samples) {
    static Trend of(String keyword, String label, Evaluation e, long[] weeks, List<PaperRef> samples) {
      double expected = e.baselineTotal() == 0 ? 0.0 : (double) e.baselineCount() / e.baselineTotal() * e.total();
      return new Trend(keyword, label, e.window().name(), LocalDate.ofEpochDay(e.startDay()).toString(),
          LocalDate.ofEpochDay(e.endDay()).toString(), e.count(), e.total(), e.baselineCount(), e.baselineTotal(),
          e.baselineDays(), expected, e.ratio(), e.score(), e.pValue(), e.emerging(), weeks, Paper.of(samples));
    }
  }

  /** {@code GET /api/keywords/{keyword}}: its days, its trends in each window on the latest day, its watch. */
  record Keyword(
      String keyword, String label, String day, @JsonProperty("final") boolean closed, List<KeywordDayPoint> series,
      long[] weeks, Map<String, Trend> windows, WatchAnswer watch) {
    Keyword withWatch(WatchAnswer watch) {
      return new Keyword(keyword, label, day, closed, series, weeks, windows, watch);
    }
  }

  record KeywordDayPoint(String day, long count, long total, @JsonProperty("final") boolean closed) {}

  /**
   * A watch. {@code phrase} is the keyword as the client typed it; {@code typed} repeats it under
   * its former name and goes in the next release.
   */
  record WatchAnswer(
      String keyword, String phrase, @Deprecated String typed, int minCount, double minScore, double maxPValue,
      String owner, String channel) {
    static WatchAnswer of(String key, Watch w) {
      return new WatchAnswer(key, w.getKeyword(), w.getKeyword(), w.getMinCount(), w.getMinScore(), w.getMaxPValue(),
          w.getOwner(), w.getChannel());
    }
  }

  /** {@code DELETE /api/watches/{keyword}}. */
  record Deleted(String keyword, boolean deleted) {}
}
