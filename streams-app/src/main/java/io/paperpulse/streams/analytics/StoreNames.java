package io.paperpulse.streams.analytics;

/**
 * Names of every state store, in one place: renaming one orphans its changelog, so the subject
 * counts' stores keep their names {@code topic-counts-*}.
 */
public final class StoreNames {
  /** Paper ids already enriched, so a paper published twice is counted once. */
  public static final String SEEN_IDS = "enrich-seen-ids-store";
  /** {@code paper id|feed kind|day listed} → when: the listings seen, so a paper listed again counts once more. */
  public static final String LISTINGS = "enrich-listings-store";
  /**
   * {@code day/paper id} → the hashes of the paper's candidate keywords, for the recent days whose
   * papers the keyword idf counts ({@link io.paperpulse.streams.keywords.RecentFrequencies}).
   */
  public static final String RECENT_CANDIDATES = "enrich-recent-candidates-store";
  /** Per source partition of {@code papers}: its newest timestamp seen by the subject counts. */
  public static final String SUBJECT_WATERMARK = "topic-counts-watermark-store";
  /** Per source partition of {@code papers}: its newest timestamp seen by the keyword trends. */
  public static final String KEYWORD_WATERMARK = "keyword-watermark-store";
  /** Per day: all papers, and papers per subject of this partition. */
  public static final String SUBJECT_DAYS = "topic-counts-daily-store";
  /** Per window size, the end of the last window emitted as final. */
  public static final String SUBJECT_PROGRESS = "topic-counts-progress-store";
  /**
   * {@code day|chunk} → a closed day's keywords with their papers that day, in {@value
   * io.paperpulse.streams.keywordtrends.KeywordHistory#CLOSED_DAY_CHUNKS} records a day.
   */
  public static final String KEYWORD_CLOSED_DAYS = "keyword-closed-days-store";
  /**
   * {@code day|keyword} → the keyword's papers that day, as versions before {@link
   * #KEYWORD_CLOSED_DAYS} stored the days they closed (read until no window needs them).
   */
  public static final String KEYWORD_DAYS = "keyword-days-by-day-store";
  /**
   * {@code day|paper id} → the terms a paper of an open day mentions on this partition: the open
   * days' counts are made from these, and written to {@link #KEYWORD_CLOSED_DAYS} when the day closes.
   */
  public static final String KEYWORD_OPEN_PAPERS = "keyword-open-papers-store";
  /**
   * Each keyword's papers per closed day, one record a keyword; no changelog: made again from
   * {@link #KEYWORD_CLOSED_DAYS} where it is behind them.
   */
  public static final String KEYWORD_SERIES = "keyword-series-store";
  /** {@code day|paper id} → the paper's title, for the samples of the day's keywords. */
  public static final String KEYWORD_TITLES = "keyword-titles-store";
  /** Per day, the papers of each primary subject, and each sampled paper's primary subject ({@link io.paperpulse.streams.keywordtrends.FeedMix}). */
  public static final String KEYWORD_SUBJECTS = "keyword-feed-subjects-store";
  /** Per day: all papers, for keyword shares. */
  public static final String KEYWORD_DAY_TOTALS = "keyword-day-papers-store";
  /** The last day closed by the keyword trends. */
  public static final String KEYWORD_PROGRESS = "keyword-progress-store";
  /** Per keyword: the spike under way, if any. */
  public static final String SPIKE_STATE = "spike-state-store";
  /** The most recent alerts of this partition's keywords, bounded. */
  public static final String RECENT_ALERTS = "recent-alerts-store";
  /** {@code day|paper id} → the summary of a paper this partition ranks, for 30 days. */
  public static final String PAPER_SUMMARIES = "paper-summaries-store";
  /** Per source partition of {@code papers}: its newest timestamp seen by the paper ranking. */
  public static final String PAPER_WATERMARK = "paper-ranker-watermark-store";
  /** {@code day|keyword window|keyword} → a keyword that trended that day, for 30 days. */
  public static final String PAPER_KEYWORDS = "paper-trending-keywords-store";
  /** This ranking partition's number, its last day ranked, and which partitions closed which days. */
  public static final String PAPER_RANKER_PROGRESS = "paper-ranker-progress-store";
  /**
   * {@code day|window|~top|day|partition|first paper id} → a partition's best papers of a window
   * (in one message, or several where they are large), until merged
   * (and {@code day|window|paper id} → one paper, as earlier versions sent them).
   */
  public static final String RANKING_ENTRIES = "paper-ranking-entries-store";
  /** The last day merged, and which ranking partitions have reported which days. */
  public static final String RANKING_PROGRESS = "paper-ranking-progress-store";
  /** {@code trends.papers} as a global table, for the API. */
  public static final String TRENDING_PAPERS = "trending-papers-store";
  /** {@code trends.papers.open} as a global table, for the API. */
  public static final String OPEN_PAPERS = "open-papers-store";
  /** The watchlist, a global table. */
  public static final String WATCHLIST = "watchlist-store";
  /** Digest subscriptions by e-mail address, a global table. */
  public static final String SUBSCRIPTIONS = "subscriptions-store";
  /** {@code day|rank} → the paper of the day's trending ranking, until the day's digests are made. */
  public static final String DIGEST_RANKING = "digest-ranking-store";
  /** {@code day|keyword} → the day's spike alert, until the day's digests are made. */
  public static final String DIGEST_SPIKES = "digest-spikes-store";

  private StoreNames() {}
}
