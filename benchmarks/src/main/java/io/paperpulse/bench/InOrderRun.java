package io.paperpulse.bench;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.enrichment.Enricher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A backfill's outputs against the in-order run: what the app wrote to its output topics beside
 * what the same records of {@code papers}, one by one in timestamp order, give on Kafka Streams'
 * TopologyTestDriver.
 */
final class InOrderRun {
  /** Input records between two drains of the driver's captured outputs. */
  private static final int DRAIN_EVERY = 2_000;

  private InOrderRun() {}

  record Comparison(int subjectCounts, int finalTrends, int alerts, int trendingPapers, List<String> differences) {}

  /**
   * The backfill's outputs beside an in-order run on the test driver of exactly what it read: the
   * records of {@code papers}, sorted by timestamp (each partition's order kept).
   */
  static Comparison compare(PaperPulseConfig config, Path dir) throws Exception {
    TopicSerdes registry = TopicSerdes.registry(config);
    List<ConsumerRecord<String, Paper>> published = new ArrayList<>();
    TopicReads.read(config, Topics.PAPERS.name(), registry.value(Paper.class).deserializer(), published::add);
    published.sort(Comparator.<ConsumerRecord<String, Paper>>comparingLong(ConsumerRecord::timestamp)
        .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
    Outputs backfill = new Outputs();
    TopicReads.read(config, Topics.SUBJECT_COUNTS.name(), registry.value(TopicCount.class).deserializer(), r -> backfill.count(r.key(), r.value()));
    TopicReads.read(config, Topics.KEYWORD_TRENDS.name(), registry.value(KeywordTrend.class).deserializer(), r -> backfill.trend(r.key(), r.value()));
    TopicReads.read(config, Topics.KEYWORD_SPIKES.name(), registry.value(SpikeAlert.class).deserializer(), r -> backfill.alert(r.value()));
    TopicReads.read(config, Topics.TRENDING_PAPERS.name(), registry.value(TrendingPaper.class).deserializer(), r -> backfill.paper(r.key(), r.value()));
    Outputs inOrder = inOrder(published, dir);

    Collections.sort(backfill.alerts);
    Collections.sort(inOrder.alerts);
    List<String> differences = new ArrayList<>();
    differ("subject counts", inOrder.counts, backfill.counts, differences);
    differ("final keyword trends", inOrder.trends, backfill.trends, differences);
    differ("trending papers", inOrder.papers, backfill.papers, differences);
    if (!inOrder.alerts.equals(backfill.alerts)) {
      differences.add(String.format(Locale.ROOT, "alerts: %d in order, %d in the backfill", inOrder.alerts.size(), backfill.alerts.size()));
    }
    return new Comparison(inOrder.counts.size(), inOrder.trends.size(), inOrder.alerts.size(), inOrder.papers.size(), differences);
  }

  /** The outputs of {@code published}, one record after the other, through the whole app on the test driver. */
  private static Outputs inOrder(List<ConsumerRecord<String, Paper>> published, Path dir) {
    Outputs inOrder = new Outputs();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "in-order");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("in-order").toString());
    // One partition on the test driver; the recent idf kept per partition as on the broker's three.
    // State in memory: with RocksDB the driver syncs every store's checkpoint to disk after each record.
    Topology topology = PaperPulseTopology.build(
        AnalyticsSettings.defaults().withInMemoryState(true).withIdfPartitions(3), Enricher.bundled(), TopicSerdes.plain(), new Counters());
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      TestInputTopic<String, Paper> input = driver.createInputTopic(Topics.PAPERS.name(), Serdes.String().serializer(), AvroSerdes.plain(Paper.class).serializer());
      int piped = 0;
      for (ConsumerRecord<String, Paper> r : published) {
        input.pipeInput(r.key(), r.value(), r.timestamp());
        if (++piped % DRAIN_EVERY == 0) {
          drain(driver, inOrder);
        }
      }
      drain(driver, inOrder);
    }
    return inOrder;
  }

  /**
   * Takes what the driver has captured so far: the outputs compared into {@code inOrder}, the rest
   * (changelogs, the enriched papers) dropped. The driver keeps every record written to every topic
   * until read, and the changelogs alone get about 200 a paper: the whole archive held at once fills
   * any heap.
   */
  private static void drain(TopologyTestDriver driver, Outputs inOrder) {
    driver.createOutputTopic(Topics.SUBJECT_COUNTS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TopicCount.class).deserializer())
        .readKeyValuesToList().forEach(kv -> inOrder.count(kv.key, kv.value));
    driver.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer())
        .readKeyValuesToList().forEach(kv -> inOrder.trend(kv.key, kv.value));
    driver.createOutputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer())
        .readValuesToList().forEach(inOrder::alert);
    driver.createOutputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TrendingPaper.class).deserializer())
        .readKeyValuesToList().forEach(kv -> inOrder.paper(kv.key, kv.value));
    for (String topic : driver.producedTopicNames()) {
      TestOutputTopic<byte[], byte[]> rest = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      while (!rest.isEmpty()) {
        rest.readRecord();
      }
    }
  }

  /** One run's final outputs, each as its Avro text; a key's last record wins. */
  private static final class Outputs {
    final Map<String, String> counts = new TreeMap<>();
    final Map<String, String> trends = new TreeMap<>();
    final Map<String, String> papers = new TreeMap<>();
    final List<String> alerts = new ArrayList<>();

    void count(String key, TopicCount value) {
      counts.put(key, value.toString());
    }

    void trend(String key, KeywordTrend value) {
      if (value.getFinal$()) {
        trends.put(key + "@" + value.getStart(), value.toString());
      }
    }

    void alert(SpikeAlert value) {
      alerts.add(value.toString());
    }

    void paper(String key, TrendingPaper value) {
      papers.put(key, value.toString());
    }
  }

  private static void differ(String what, Map<String, String> expected, Map<String, String> actual, List<String> out) {
    if (expected.equals(actual)) {
      return;
    }
    long missing = expected.keySet().stream().filter(k -> !actual.containsKey(k)).count();
    long extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).count();
    long changed = expected.keySet().stream().filter(k -> actual.containsKey(k) && !actual.get(k).equals(expected.get(k))).count();
    String example = expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k))).findFirst()
        .map(k -> k + ": in order " + expected.get(k) + ", backfill " + actual.get(k)).orElse("");
    out.add(String.format(Locale.ROOT, "%s: %d missing, %d extra, %d different; e.g. %s", what, missing, extra, changed,
        example.length() > 400 ? example.substring(0, 400) + "..." : example));
  }
}
