package io.paperpulse.streams.papers;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The trending-papers ranking (docs/trending-papers.md). Papers are ranked on the partition of the
 * analytics topic their id belongs to ({@link PaperSummary#partitionOf}); each partition's trending
 * keywords and closed days reach every partition over {@code paper-signals}; each partition sends
 * its best papers of a closed day to {@code paper-ranking}, one partition, where the merge writes
 * the rankings to {@code trends.papers}. A global table of that topic answers the API.
 */
public final class PapersTopology {
  /** Trends that make a keyword count: this unlikely under no change. */
  static final double MAX_P = 0.01;
  /** A keyword's trend score counts up to this (a keyword new to the feed can score without bound). */
  static final double MAX_KEYWORD_SCORE = 64;

  private PapersTopology() {}

  /**
   * @param analytics the analytics stream, whose contributions carry the summaries
   * @param judged what the keyword trends judge ({@link io.paperpulse.streams.keywordtrends.KeywordTrendsTopology#addTo})
   */
  public static KStream<String, TrendingPaper> addTo(
      StreamsBuilder builder, KStream<String, Contribution> analytics, KStream<String, Object> judged, AnalyticsSettings settings, TopicSerdes serdes) {
    int partitions = settings.effectiveAnalyticsPartitions();
    KStream<String, RankMessage> signals =
        signals(judged).repartition(
            Repartitioned.<String, RankMessage>as("paper-signals")
                .withKeySerde(Serdes.String())
                .withValueSerde(RankMessage.serde())
                .withStreamPartitioner(everyPartition())
                .withNumberOfPartitions(partitions));
    KStream<String, RankMessage> candidates =
        addRanker(builder, analytics, signals, settings, serdes)
            .repartition(
                Repartitioned.<String, RankMessage>as("paper-ranking")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(RankMessage.serde())
                    .withNumberOfPartitions(1));
    KStream<String, TrendingPaper> ranking = addMerge(builder, candidates, settings, serdes);
    globalTable(builder, Topics.TRENDING_PAPERS.name(), StoreNames.TRENDING_PAPERS, "trending-papers-source", settings, serdes);
    globalTable(builder, Topics.TRENDING_PAPERS_OPEN.name(), StoreNames.OPEN_PAPERS, "open-papers-source", settings, serdes);
    return ranking;
  }

  private static void globalTable(StreamsBuilder builder, String topic, String store, String name, AnalyticsSettings settings, TopicSerdes serdes) {
    builder.globalTable(
        topic,
        Consumed.with(Serdes.String(), serdes.value(TrendingPaper.class)).withName(name),
        Materialized.<String, TrendingPaper>as(
                settings.inMemoryState()
                    ? org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(store)
                    : org.apache.kafka.streams.state.Stores.persistentTimestampedKeyValueStore(store))
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.value(TrendingPaper.class)));
  }

  /** Each day closed, and each trend strong enough to count, as a message for every ranking partition. */
  public static KStream<String, RankMessage> signals(KStream<String, Object> judged) {
    return judged.flatMapValues(PapersTopology::signal, Named.as("paper-signals-select"));
  }

  static List<RankMessage> signal(Object judged) {
    if (judged instanceof DayClosed closed) {
      return List.of(RankMessage.closed(closed.partition(), closed.day(), closed.tests()));
    }
    if (judged instanceof KeywordTrend t && strong(t)) {
      TrendWindow window = TrendWindow.parse(t.getWindow()).orElseThrow();
      long day = Days.of(t.getStart()) + window.days() - 1;
      double score = Math.min(MAX_KEYWORD_SCORE, t.getScore());
      return List.of(RankMessage.keyword(-1, day, window.name(), t.getKeyword(), t.getLabel(), score, t.getPValue()));
    }
    return List.of();
  }

  /**
   * A final trend that may count: one of the day's tests (enough papers, listable, no fragment),
   * p at most {@value #MAX_P}, and a rise the trending lists take ({@link Trending#MIN_SCORE}
   * times the keyword's own past at least). Which of these count is decided when every
   * partition's are in ({@link PaperRanker}).
   */
  static boolean strong(KeywordTrend t) {
    TrendWindow window = TrendWindow.parse(t.getWindow()).orElseThrow();
    return t.getFinal$() && t.getPValue() <= MAX_P && t.getScore() >= Trending.MIN_SCORE && !t.getFragment()
        && t.getCount() >= window.minSupport(Trending.named(t.getLabel()))
        && MentionTerms.listable(t.getKeyword(), t.getLabel());
  }

  /**
   * The ranking partitions' part: returns their best papers of each window, and a done marker, per
   * closed day; writes the papers of days not ranked yet to {@code trends.papers.open}.
   */
  public static KStream<String, RankMessage> addRanker(
      StreamsBuilder builder, KStream<String, Contribution> analytics, KStream<String, RankMessage> signals, AnalyticsSettings settings,
      TopicSerdes serdes) {
    builder.addStateStore(settings.store(StoreNames.PAPER_SUMMARIES, Serdes.String(), PaperSummary.serde()));
    builder.addStateStore(settings.store(StoreNames.PAPER_KEYWORDS, Serdes.String(), RankMessage.serde()));
    builder.addStateStore(settings.store(StoreNames.PAPER_RANKER_PROGRESS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.PAPER_WATERMARK, Serdes.String(), Serdes.Long()));
    KStream<String, Object> in =
        analytics.mapValues(c -> (Object) c, Named.as("paper-ranker-papers"))
            .merge(signals.mapValues(m -> (Object) m, Named.as("paper-ranker-signals")), Named.as("paper-ranker-input"));
    KStream<String, Object> out = in.process(() -> new PaperRanker(settings), Named.as("paper-ranker"),
        StoreNames.PAPER_SUMMARIES, StoreNames.PAPER_KEYWORDS, StoreNames.PAPER_RANKER_PROGRESS, StoreNames.PAPER_WATERMARK);
    out.filter((k, v) -> v == null || v instanceof TrendingPaper, Named.as("open-papers-only"))
        .mapValues(v -> (TrendingPaper) v, Named.as("open-papers-cast"))
        .to(Topics.TRENDING_PAPERS_OPEN.name(), Produced.with(Serdes.String(), serdes.value(TrendingPaper.class)).withName("open-papers-sink"));
    return out.filter((k, v) -> v instanceof RankMessage, Named.as("paper-candidates-only"))
        .mapValues(v -> (RankMessage) v, Named.as("paper-candidates-cast"));
  }

  /** The merge of every ranking partition's candidates into {@code trends.papers}; returns the ranking written there. */
  public static KStream<String, TrendingPaper> addMerge(StreamsBuilder builder, KStream<String, RankMessage> candidates, AnalyticsSettings settings, TopicSerdes serdes) {
    builder.addStateStore(settings.store(StoreNames.RANKING_ENTRIES, Serdes.String(), RankMessage.serde()));
    builder.addStateStore(settings.store(StoreNames.RANKING_PROGRESS, Serdes.String(), Serdes.Long()));
    int partitions = settings.effectiveAnalyticsPartitions();
    KStream<String, TrendingPaper> ranking =
        candidates.process(() -> new RankingMerge(partitions), Named.as("paper-ranking-merge"), StoreNames.RANKING_ENTRIES, StoreNames.RANKING_PROGRESS);
    ranking.to(Topics.TRENDING_PAPERS.name(), Produced.with(Serdes.String(), serdes.value(TrendingPaper.class)).withName("trending-papers-sink"));
    return ranking;
  }

  /** Sends a record to every partition. */
  static StreamPartitioner<String, RankMessage> everyPartition() {
    return (topic, key, value, partitions) -> Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
  }
}
