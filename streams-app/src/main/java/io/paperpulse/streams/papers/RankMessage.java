package io.paperpulse.streams.papers;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * What crosses the ranking's internal topics (as JSON): a partition of the analytics topic tells
 * every ranking partition its day's trending keywords ({@link Kind#KEYWORD}) and that the day is
 * judged ({@link Kind#CLOSED}); a ranking partition tells the merge step its best papers of a
 * window ({@link Kind#ENTRY}) and that it has sent them all ({@link Kind#DONE}).
 *
 * @param partition the sending partition
 * @param day the day closed, or the last day of the window ranked
 * @param window the keyword-trend window of a keyword, the paper window of an entry
 * @param keyword a trending keyword's key
 * @param label how papers write the keyword
 * @param score the keyword's trend score, or the paper's score
 * @param paper the paper of an entry
 * @param keywords the trending keywords behind an entry's score
 */
public record RankMessage(
    Kind kind, int partition, long day, String window, String keyword, String label, double score,
    PaperSummary paper, List<TrendingScore.Share> keywords) {
  public enum Kind { KEYWORD, CLOSED, ENTRY, DONE }

  /** As JSON, on the ranking's internal topics and in its stores. */
  public static Serde<RankMessage> serde() {
    return Json.serde(RankMessage.class);
  }

  static RankMessage keyword(int partition, long day, String window, String keyword, String label, double score) {
    return new RankMessage(Kind.KEYWORD, partition, day, window, keyword, label, score, null, List.of());
  }

  static RankMessage closed(int partition, long day) {
    return new RankMessage(Kind.CLOSED, partition, day, null, null, null, 0, null, List.of());
  }

  static RankMessage entry(int partition, long day, PaperWindow window, PaperSummary paper, TrendingScore.Scored scored) {
    return new RankMessage(Kind.ENTRY, partition, day, window.name(), null, null, scored.score(), paper, scored.keywords());
  }

  static RankMessage done(int partition, long day) {
    return new RankMessage(Kind.DONE, partition, day, null, null, null, 0, null, List.of());
  }
}
