package io.paperpulse.common;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.Watch;
import java.util.List;

/**
 * Every Kafka topic PaperPulse reads or writes, with its serdes, in one place. To add a topic,
 * declare it here and add it to {@link #ALL}, which the streams app creates on start.
 */
public final class Topics {
  /** Raw papers as the producer publishes them, keyed by paper id. */
  public static final Topic<String, Paper> PAPERS = Topic.avro("papers", Paper.class);
  /** Papers with keywords and topics, keyed by paper id. */
  public static final Topic<String, EnrichedPaper> PAPERS_ENRICHED = Topic.avro("papers.enriched", EnrichedPaper.class);
  /** Records of {@code papers} that could not be read or enriched, as they came, with the reason in headers. */
  public static final Topic<String, byte[]> PAPERS_DLQ = Topic.bytes("papers.dlq");
  /** Final paper counts per topic and window, keyed by {@code topic|window|start}. */
  public static final Topic<String, TopicCount> TOPIC_COUNTS = Topic.avro("trends.topic-counts", TopicCount.class);
  /** Keyword daily counts scored against their baseline, keyed by keyword. */
  public static final Topic<String, KeywordTrend> KEYWORD_TRENDS = Topic.avro("trends.keywords", KeywordTrend.class);
  /** One alert per keyword spike, keyed by keyword. */
  public static final Topic<String, SpikeAlert> KEYWORD_SPIKES = Topic.avro("alerts.keyword-spikes", SpikeAlert.class);
  /** Compacted: keyword watches, keyed by normalised keyword; a tombstone removes one. */
  public static final Topic<String, Watch> WATCHLIST = Topic.avro("watchlist.keywords", Watch.class).compacted();

  /** Every topic above, in the order they are created. */
  public static final List<Topic<?, ?>> ALL =
      List.of(PAPERS, PAPERS_ENRICHED, PAPERS_DLQ, TOPIC_COUNTS, KEYWORD_TRENDS, KEYWORD_SPIKES, WATCHLIST);

  private Topics() {}
}
