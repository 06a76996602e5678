package io.paperpulse.streams.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.Watch;
import io.paperpulse.streams.keywordtrends.Keyword;
import java.util.List;

/** The API's answers, as records Jackson writes in the order of their components. */
final class Answers {
  private Answers() {}

  /**
   * {@code GET /api/subjects}: the window's subjects, most papers first; no dates while nothing is
   * counted. The JSON keys {@code topics} and {@code topic} keep their names for existing clients.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Subjects(String window, String start, String end, long total, @JsonProperty("topics") List<SubjectShare> subjects) {}

  /** A subject's papers in the window; {@code share} is null while the window's total is not known (a total of 0). */
  record SubjectShare(@JsonProperty("topic") String subject, long count, Double share) {}

  /** {@code GET /api/subjects/{subject}/series}: one window ending on each day with papers; the subject under the key {@code topic}. */
  record Series(@JsonProperty("topic") String subject, String window, List<SeriesPoint> series) {}

  record SeriesPoint(String start, String end, long count, long total, Double share, @JsonProperty("final") boolean closed) {}

  /** {@code GET /api/keywords/trending}; only the window, an empty day and the list while no paper has come. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Trending(
      String window, String day, String start, @JsonProperty("final") boolean closed, Long tested, Double maxQValue,
      List<JsonNode> keywords) {}

  /** {@code GET /api/alerts}: newest first. */
  record Alerts(List<JsonNode> alerts) {}

  /**
   * {@code GET /api/keywords/{keyword}}: the keyword's fields ({@link Keyword}: its days, its trends
   * in each window on the latest day), then its watch, null while nobody watches it.
   */
  record KeywordWithWatch(@JsonUnwrapped Keyword keyword, WatchAnswer watch) {}

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
