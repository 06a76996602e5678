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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The whole application: enrichment, then topic counts and keyword trends side by side, then spike
 * alerts on the trends. The analytics read the enriched stream through one single-partition
 * repartition topic keyed by a constant, since their counts are global.
 */
public final class PaperPulseTopology {
  /** A key of the analytics partition, for finding the instance that owns it. */
  public static final String ANALYTICS_KEY = "0";

  private PaperPulseTopology() {}

  public static Topology build(AnalyticsSettings settings, Enricher enricher, TopicSerdes serdes, Counters counters) {
    return build(Stage.FULL, settings, enricher, serdes, counters);
  }

  /** How much of the application a topology holds: the steps of the throughput benchmark. */
  public enum Stage {
    /** {@code papers} to {@code papers.enriched}. */
    ENRICHMENT,
    /** Plus the analytics partition and the rolling topic counts. */
    TOPIC_COUNTS,
    /** Plus keyword trends and spike alerts: the whole application. */
    FULL
  }

  public static Topology build(Stage stage, AnalyticsSettings settings, Enricher enricher, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedPaper> enriched = EnrichmentTopology.addTo(builder, enricher, settings, serdes, counters);
    if (stage == Stage.ENRICHMENT) {
      return builder.build();
    }
    KStream<String, EnrichedPaper> analytics = analyticsStream(enriched);
    TopicCountsTopology.addTo(builder, analytics, settings, serdes, counters);
    if (stage == Stage.FULL) {
      KStream<String, KeywordTrend> trends = KeywordTrendsTopology.addTo(builder, analytics, settings, serdes, counters);
      SpikeAlertsTopology.addTo(builder, trends, settings, serdes, counters);
    }
    return builder.build();
  }

  /** {@code papers.enriched} as a source, for the topologies run on their own. */
  static KStream<String, EnrichedPaper> enrichedSource(StreamsBuilder builder, TopicSerdes serdes) {
    return builder.stream(
        Topics.PAPERS_ENRICHED,
        Consumed.with(Serdes.String(), serdes.value(EnrichedPaper.class)).withName("enriched-source"));
  }

  /**
   * Every enriched paper on one partition, keyed by the {@code papers} partition it came from, so
   * the analytics can follow each partition's event time ({@link Watermark}).
   */
  static KStream<String, EnrichedPaper> analyticsStream(KStream<String, EnrichedPaper> enriched) {
    return enriched
        .process(SourcePartitionKey::new, Named.as("analytics-key"))
        .repartition(
            Repartitioned.<String, EnrichedPaper>as("analytics")
                .withKeySerde(Serdes.String())
                .withValueSerde(AvroSerdes.plain(EnrichedPaper.class))
                .withNumberOfPartitions(1));
  }

  /** Re-keys a record by its source partition. */
  private static final class SourcePartitionKey implements Processor<String, EnrichedPaper, String, EnrichedPaper> {
    private ProcessorContext<String, EnrichedPaper> context;

    @Override
    public void init(ProcessorContext<String, EnrichedPaper> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedPaper> record) {
      String partition = context.recordMetadata().map(m -> String.valueOf(m.partition())).orElse("0");
      context.forward(record.withKey(partition));
    }
  }
}
