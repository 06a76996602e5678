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
  /** The trending-papers ranking of each window, keyed by {@code window|last day|rank} (rank zero-padded to 3). */
  public static final String PAPER_TRENDS = "trends.papers";
  /**
   * Compacted: the papers of days not ranked yet, keyed by paper id, scored by their signals so far
   * (rank 0); a tombstone once the paper's day is ranked on {@link #PAPER_TRENDS}.
   */
  public static final String PAPER_TRENDS_OPEN = "trends.papers.open";
  /** Compacted: keyword watches, keyed by normalised keyword; a tombstone removes one. */
  public static final String WATCHLIST = "watchlist.keywords";

  /** Every topic the streams app writes or reads besides {@link #PAPERS}. */
  public static final List<String> STREAMS_OUTPUTS =
      List.of(PAPERS_ENRICHED, PAPERS_DLQ, TOPIC_COUNTS, KEYWORD_TRENDS, KEYWORD_SPIKES, PAPER_TRENDS, PAPER_TRENDS_OPEN);

  private Topics() {}
}
