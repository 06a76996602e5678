package io.paperpulse.producer;

import java.util.List;

/** Names of every topic PaperPulse reads or writes, in one place. */
public final class Topics {
  /** Raw papers as the producer publishes them, keyed by paper id. */
  public static final String PAPERS = "papers";
  /** Papers with keywords and topics, keyed by paper id. */
  public static final String PAPERS_ENRICHED = "papers.enriched";
  /** Records of {@code papers} that could not be read or enriched, with the reason in headers. */
  public static final String PAPERS_DLQ = "papers.dlq";
  /** Final paper counts per topic and window, keyed by {@code topic|window|start}. */
  public static final String TOPIC_COUNTS = "trends.topic-counts";
  /** Keyword daily counts scored against their baseline, keyed by keyword. */
  public static final String KEYWORD_TRENDS = "trends.keywords";
  /** One alert per keyword spike, keyed by keyword. */
  public static final String KEYWORD_SPIKES = "alerts.keyword-spikes";
  /** Compacted: keyword watches, keyed by normalised keyword; a tombstone removes one. */
  public static final String WATCHLIST = "watchlist.keywords";
  /** Trending-papers rankings, keyed by {@code window|last day|rank}. */
  public static final String TRENDING_PAPERS = "trends.papers";
  /** Compacted: digest subscriptions, keyed by e-mail address; a tombstone removes one. */
  public static final String SUBSCRIPTIONS = "subscriptions";
  /** One digest per subscriber and closed day, keyed by {@code email|day}. */
  public static final String DIGESTS = "digests";
  /** Compacted: the digests the mailer has sent, keyed by {@code email|day}. */
  public static final String DIGESTS_SENT = "digests.sent";

  /** Every topic the streams app writes or reads besides {@link #PAPERS}. */
  public static final List<String> STREAMS_OUTPUTS =
      List.of(PAPERS_ENRICHED, PAPERS_DLQ, TOPIC_COUNTS, KEYWORD_TRENDS, KEYWORD_SPIKES);

  private Topics() {}
}
