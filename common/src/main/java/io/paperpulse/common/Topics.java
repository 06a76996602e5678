package io.paperpulse.common;

import io.paperpulse.avro.Digest;
import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.avro.Watch;
import java.util.List;

/**
 * Every Kafka topic PaperPulse reads or writes, with its serdes, in one place. To add a topic,
 * declare it here and add it to {@link #ALL}, which the streams app creates on start.
 */
public final class Topics {
  /** Raw papers as the producer publishes them, keyed by paper id. */
  public static final Topic<String, Paper> PAPERS = Topic.avro("papers", Paper.class);
  /** Papers with keywords and subjects, keyed by paper id. */
  public static final Topic<String, EnrichedPaper> PAPERS_ENRICHED = Topic.avro("papers.enriched", EnrichedPaper.class);
  /** Records of {@code papers} that could not be read or enriched, as they came, with the reason in headers. */
  public static final Topic<String, byte[]> PAPERS_DLQ = Topic.bytes("papers.dlq");
  /**
   * Final paper counts per subject (research topic) and window, keyed by {@code subject|window|start}.
   * The topic keeps its name {@code trends.topic-counts} for existing consumers.
   */
  public static final Topic<String, TopicCount> SUBJECT_COUNTS = Topic.avro("trends.topic-counts", TopicCount.class);
  /** Keyword daily counts scored against their baseline, keyed by keyword. */
  public static final Topic<String, KeywordTrend> KEYWORD_TRENDS = Topic.avro("trends.keywords", KeywordTrend.class);
  /** One alert per keyword spike, keyed by keyword. */
  public static final Topic<String, SpikeAlert> KEYWORD_SPIKES = Topic.avro("alerts.keyword-spikes", SpikeAlert.class);
  /** Compacted: keyword watches, keyed by normalised keyword; a tombstone removes one. */
  public static final Topic<String, Watch> WATCHLIST = Topic.avro("watchlist.keywords", Watch.class).compacted();

  /** Trending-papers rankings, keyed by {@code window|last day|rank}. */
  public static final Topic<String, TrendingPaper> TRENDING_PAPERS = Topic.avro("trends.papers", TrendingPaper.class);
  /**
   * Compacted: the papers of days not ranked yet, keyed by paper id, scored by their signals so far
   * and the keywords trending in the week up to the last day ranked (rank 0); a tombstone once the paper's day is ranked on {@link #TRENDING_PAPERS}.
   */
  public static final Topic<String, TrendingPaper> TRENDING_PAPERS_OPEN = Topic.avro("trends.papers.open", TrendingPaper.class).compacted();
  /** Compacted: digest subscriptions, keyed by e-mail address; a tombstone removes one. */
  public static final Topic<String, Subscription> SUBSCRIPTIONS = Topic.avro("subscriptions", Subscription.class).compacted();
  /** One digest per subscriber and closed day, keyed by {@code email|day}. */
  public static final Topic<String, Digest> DIGESTS = Topic.avro("digests", Digest.class);
  /** Compacted: the digests the mailer has sent, keyed by {@code email|day}, valued by when. */
  public static final Topic<String, String> DIGESTS_SENT = Topic.text("digests.sent").compacted();

  /** Every topic above, in the order they are created. */
  public static final List<Topic<?, ?>> ALL =
      List.of(PAPERS, PAPERS_ENRICHED, PAPERS_DLQ, SUBJECT_COUNTS, KEYWORD_TRENDS, KEYWORD_SPIKES, WATCHLIST,
          TRENDING_PAPERS, TRENDING_PAPERS_OPEN, SUBSCRIPTIONS, DIGESTS, DIGESTS_SENT);

  private Topics() {}
}
