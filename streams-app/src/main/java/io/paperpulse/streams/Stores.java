package io.paperpulse.streams;

/** Names of every state store, in one place: renaming one orphans its changelog. */
public final class Stores {
  /** Paper ids already enriched, so a paper published twice is counted once. */
  public static final String SEEN_IDS = "enrich-seen-ids-store";
  /**
   * {@code day/paper id} → the hashes of the paper's candidate keywords, for the recent days whose
   * papers the keyword idf counts ({@link io.paperpulse.streams.keywords.RecentFrequencies}).
   */
  public static final String RECENT_CANDIDATES = "enrich-recent-candidates-store";
  /** Per source partition of {@code papers}: its newest timestamp seen by the topic counts. */
  public static final String TOPIC_WATERMARK = "topic-counts-watermark-store";
  /** Per source partition of {@code papers}: its newest timestamp seen by the keyword trends. */
  public static final String KEYWORD_WATERMARK = "keyword-watermark-store";
  /** Papers per topic per day, from which every window's count is summed. */
  public static final String TOPIC_DAYS = "topic-counts-daily-store";
  /** Per window size, the end of the last window emitted as final. */
  public static final String TOPIC_PROGRESS = "topic-counts-progress-store";
  /** Per keyword: baseline, open days and recent history. */
  public static final String KEYWORD_STATE = "keyword-state-store";
  /** Per day: papers seen, for keyword shares. */
  public static final String KEYWORD_DAY_TOTALS = "keyword-day-totals-store";
  /** {@code day|keyword} → the keyword's label that day, for every keyword of the last 90 days. */
  public static final String KEYWORD_DAY_INDEX = "keyword-day-index-store";
  /** Per day: the top-K trending keywords. */
  public static final String KEYWORD_TOP = "keyword-top-store";
  /** Per keyword: the spike under way, if any. */
  public static final String SPIKE_STATE = "spike-state-store";
  /** The most recent alerts, bounded. */
  public static final String RECENT_ALERTS = "recent-alerts-store";
  /** The watchlist, a global table. */
  public static final String WATCHLIST = "watchlist-store";

  private Stores() {}
}
