package io.paperpulse.bench;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.stack.GroupLag;
import io.paperpulse.streams.PaperPulseStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * End-to-end latency, publish to {@code papers.enriched}, of the full app once caught up: papers
 * sent at a steady share of its highest rate, each timed from its send to its arrival.
 */
final class LatencyRun {
  private LatencyRun() {}

  /** One level: {@code newDay} when its papers were the first of a day, which closes the day before. */
  record Latency(int percent, boolean newDay, double rate, int papers, double p50, double p99, double max) {}

  static List<Latency> run(PaperPulseConfig config, List<Paper> archive, Path dir, double fullRate) throws Exception {
    Properties props = PaperPulseStreams.streamsProperties(config, new PaperPulseStreams.Settings("latency", dir.resolve("latency"), "localhost", 1, 1));
    List<Latency> out = new ArrayList<>();
    // Closed with a deadline in the finally block: its close() without one waits forever for a
    // broker that has gone, and would hide the error that ended the run.
    KafkaStreams streams = new KafkaStreams(ThroughputLadder.topology(ThroughputLadder.Stage.FULL, config), props);
    try (Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()));
        PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), "bench-latency");
        KafkaConsumer<String, EnrichedPaper> consumer = new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), TopicSerdes.registry(config).value(EnrichedPaper.class).deserializer())) {
      streams.start();
      // First the backlog, so the measured papers wait for nothing but the pipeline.
      while (TopicReads.lag(admin, "latency", Topics.PAPERS.name()) != 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPERS_ENRICHED.name()).stream()
          .map(p -> new TopicPartition(Topics.PAPERS_ENRICHED.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      // Every level sends papers of the day after the archive's last. The first papers of that day
      // close the day before (every keyword's trends of it are judged on the stream thread that
      // enriches too), so the first level is measured apart; the others run within the day.
      Instant day = archive.stream().map(Paper::getPublished).max(Comparator.naturalOrder()).orElseThrow().plus(Duration.ofDays(1));
      out.add(level(10, true, fullRate * 10 / 100, archive, day, publisher, consumer));
      for (int percent : new int[] {10, 50, 80}) {
        out.add(level(percent, false, fullRate * percent / 100, archive, day, publisher, consumer));
      }
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
    return out;
  }

  /** Sends papers at {@code rate} for 15 s, paced, and measures each one's arrival on papers.enriched. */
  private static Latency level(int percent, boolean newDay, double rate, List<Paper> archive, Instant day, PaperPublisher publisher,
      KafkaConsumer<String, EnrichedPaper> consumer) {
    int count = (int) Math.max(200, rate * 15);
    String marker = (newDay ? "-latday" : "-lat") + percent + "-";
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    Thread receiver = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15 + 60);
      while (latencies.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, EnrichedPaper> r : consumer.poll(Duration.ofMillis(50))) {
          if (r.key().contains(marker)) {
            latencies.add((double) (System.currentTimeMillis() - r.value().getPaper().getIngested().toEpochMilli()));
          }
        }
      }
    }, "latency-receiver");
    receiver.start();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      Paper original = archive.get(i % archive.size());
      Paper paper = Paper.newBuilder(original).setId(original.getId() + marker + i).setPublished(day)
          .setIngested(Instant.ofEpochMilli(System.currentTimeMillis())).build();
      publisher.send(paper, "latency");
    }
    publisher.flush();
    try {
      receiver.join(TimeUnit.SECONDS.toMillis(90));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Function<Double, Double> at = q -> sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    System.out.printf(Locale.ROOT, "latency %d%%%s: %d of %d received%n", percent, newDay ? " (new day)" : "", sorted.size(), count);
    return new Latency(percent, newDay, rate, sorted.size(), at.apply(0.50), at.apply(0.99), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
  }
}
