package io.paperpulse.bench;

import io.paperpulse.avro.Paper;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.stack.GroupLag;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.PaperPulseStreams;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.enrichment.Enricher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The throughput ladder: the papers of {@code papers} read by ever more of the app, each stage
 * under a fresh application id, timed from its first commit until it has read everything.
 */
final class ThroughputLadder {
  private ThroughputLadder() {}

  enum Stage {
    PASSTHROUGH("passthrough: bytes in, bytes out"),
    AVRO("+ Avro deserialize and serialize (registry serde)"),
    ENRICHMENT_BACKGROUND_IDF("+ enrichment, idf of the background corpus alone"),
    ENRICHMENT("+ enrichment (keywords with the idf of recent papers, subjects, dedup store)"),
    SUBJECT_COUNTS("+ windowed subject counts (analytics partition)"),
    FULL("full application (+ keyword trends, spike alerts)");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  /**
   * Each stage's papers per second in each of two rounds (the second in reverse order), with
   * {@code threads} stream threads.
   */
  static Map<String, List<Double>> rates(PaperPulseConfig config, Path dir, int threads) throws Exception {
    TopicSetup.ensureNames(config, List.of("bench-passthrough", "bench-avro"));
    long papers = TopicReads.endOffsets(config, Topics.PAPERS.name());
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      rates.put(stage.label, new ArrayList<>());
    }
    List<Stage> order = new ArrayList<>(List.of(Stage.values()));
    for (int round = 0; round < 2; round++) {
      for (Stage stage : order) {
        double rate = run(config, dir, stage, round, papers, threads);
        rates.get(stage.label).add(rate);
        System.out.printf(Locale.ROOT, "ladder, %d threads, round %d %s: %,.0f papers/s%n", threads, round, stage, rate);
      }
      Collections.reverse(order);
    }
    return rates;
  }

  /** Runs one stage on a fresh application id until it has read every paper; papers per second. */
  private static double run(PaperPulseConfig config, Path dir, Stage stage, int round, long papers, int threads) throws Exception {
    String id = "ladder-" + stage.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-t" + threads + "-" + round;
    Properties props = PaperPulseStreams.streamsProperties(config,
        new PaperPulseStreams.Settings(id, dir.resolve(id), "localhost", 1, threads));
    try (KafkaStreams streams = new KafkaStreams(topology(stage, config), props);
        Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      streams.start();
      // Timed from the first commit on papers, over the papers left then: with two threads one may
      // process while the other still joins, so the client's RUNNING state comes too late to time from.
      long left = GroupLag.UNKNOWN;
      while (left == GroupLag.UNKNOWN || left >= papers) {
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException(id + " failed");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        left = GroupLag.of(admin, id, List.of(Topics.PAPERS.name()));
      }
      long start = System.nanoTime();
      while (TopicReads.lag(admin, id, Topics.PAPERS.name()) != 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      double rate = left / ((System.nanoTime() - start) / 1e9);
      streams.close(Duration.ofSeconds(30));
      return rate;
    }
  }

  /** The topology of a stage, on the registry's serdes. */
  static Topology topology(Stage stage, PaperPulseConfig config) {
    TopicSerdes serdes = TopicSerdes.registry(config);
    AnalyticsSettings settings = AnalyticsSettings.defaults().withSourcePartitions(3).withIdfPartitions(3); // papers has 3
    return switch (stage) {
      case PASSTHROUGH -> {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.PAPERS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
            .to("bench-passthrough", Produced.with(Serdes.String(), Serdes.ByteArray()));
        yield builder.build();
      }
      case AVRO -> {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.PAPERS.name(), Consumed.with(Serdes.String(), serdes.value(Paper.class)))
            .to("bench-avro", Produced.with(Serdes.String(), serdes.value(Paper.class)));
        yield builder.build();
      }
      case ENRICHMENT_BACKGROUND_IDF -> PaperPulseTopology.build(
          PaperPulseTopology.Stage.ENRICHMENT, settings.withIdfPartitions(0), Enricher.bundled(), serdes, new Counters());
      case ENRICHMENT -> PaperPulseTopology.build(PaperPulseTopology.Stage.ENRICHMENT, settings, Enricher.bundled(), serdes, new Counters());
      case SUBJECT_COUNTS -> PaperPulseTopology.build(PaperPulseTopology.Stage.SUBJECT_COUNTS, settings, Enricher.bundled(), serdes, new Counters());
      case FULL -> PaperPulseTopology.build(PaperPulseTopology.Stage.FULL, settings, Enricher.bundled(), serdes, new Counters());
    };
  }
}
