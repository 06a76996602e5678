package io.paperpulse.streams;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.producer.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The whole application: enrichment, then topic counts and keyword trends side by side, then spike
 * alerts on the trends. The analytics read the enriched stream through one single-partition
 * repartition topic keyed by a constant, since their counts are global.
 */
public final class PaperPulseTopology {
  static final String ANALYTICS_KEY = "all";

  private PaperPulseTopology() {}

  public static Topology build(AnalyticsSettings settings, Enricher enricher, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedPaper> enriched = EnrichmentTopology.addTo(builder, enricher, serdes, counters);
    KStream<String, EnrichedPaper> analytics = analyticsStream(enriched);
    TopicCountsTopology.addTo(builder, analytics, settings, serdes, counters);
    KStream<String, KeywordTrend> trends = KeywordTrendsTopology.addTo(builder, analytics, settings, serdes, counters);
    SpikeAlertsTopology.addTo(builder, trends, settings, serdes, counters);
    return builder.build();
  }

  /** {@code papers.enriched} as a source, for the topologies run on their own. */
  static KStream<String, EnrichedPaper> enrichedSource(StreamsBuilder builder, TopicSerdes serdes) {
    return builder.stream(
        Topics.PAPERS_ENRICHED,
        Consumed.with(Serdes.String(), serdes.value(EnrichedPaper.class)).withName("enriched-source"));
  }

  /** Every enriched paper on one partition, in event order per producer. */
  static KStream<String, EnrichedPaper> analyticsStream(KStream<String, EnrichedPaper> enriched) {
    return enriched
        .selectKey((id, paper) -> ANALYTICS_KEY, Named.as("analytics-key"))
        .repartition(
            Repartitioned.<String, EnrichedPaper>as("analytics")
                .withKeySerde(Serdes.String())
                .withValueSerde(AvroSerdes.plain(EnrichedPaper.class))
                .withNumberOfPartitions(1));
  }
}
