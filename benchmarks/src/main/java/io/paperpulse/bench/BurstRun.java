package io.paperpulse.bench;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.bench.BurstPlan.BaseRate;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.keywordtrends.KeywordDay;
import io.paperpulse.streams.keywordtrends.KeywordHistory;
import io.paperpulse.streams.keywordtrends.KeywordSeries;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.alerts.SpikeRule;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The run of the whole application ({@link PaperPulseTopology}, in-memory state, plain Avro) on
 * Kafka Streams' TopologyTestDriver over a {@link BurstPlan}, day by day in event-time order. It
 * first watches every invented phrase (not their twins), and at the end of the warm-up a fixed
 * sample of real keywords, as {@code PUT /api/watches} does (its default rule); every other keyword
 * is under the global rule. It reads {@code alerts.keyword-spikes}, and counts each closed day's
 * tested keywords as the weekly list counts its hypotheses ({@link KeywordHistory#test}).
 */
final class BurstRun {
  /** Real keywords watched per rate bin. */
  static final int SAMPLE_PER_BIN = 100;

  /** An alert: its keyword, the day it was raised on, and what it said. */
  record Alert(String key, String label, long day, String window, long count, double score, double pValue, boolean watched) {}

  final List<Alert> alerts = new ArrayList<>();
  /** Per closed day after the warm-up: the unwatched real keywords the global rule tests. */
  final Map<Long, Long> tested = new TreeMap<>();
  /** Real keywords watched, with the bin of their warm-up rate. */
  final Map<String, BaseRate> sample = new TreeMap<>();
  /**
   * The final trends of the watched keywords (phrases and sample): each window with a paper, on
   * each day that mentions the keyword, as the evaluations they carry.
   */
  final Map<String, List<Evaluation>> watchedTrends = new HashMap<>();
  long closedThrough = Long.MIN_VALUE;
  double seconds;

  private final BurstPlan plan;
  private final long seed;
  /** The labels of the warm-up's keywords, by key. */
  private final Map<String, String> labels = new HashMap<>();

  private BurstRun(BurstPlan plan, long seed) {
    this.plan = plan;
    this.seed = seed;
  }

  static BurstRun run(BurstPlan plan, Enricher enricher, long seed) throws Exception {
    BurstRun run = new BurstRun(plan, seed);
    long start = System.nanoTime();
    run.feed(enricher);
    run.seconds = (System.nanoTime() - start) / 1e9;
    return run;
  }

  private void feed(Enricher enricher) throws Exception {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "injected-bursts");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("injected-bursts").toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    // As the backfill benchmark's in-order run: one partition, the recent idf kept as on three.
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true).withIdfPartitions(3);
    try (TopologyTestDriver driver = new TopologyTestDriver(PaperPulseTopology.build(settings, enricher, TopicSerdes.plain(), new Counters()), props)) {
      TestInputTopic<String, Paper> papers = driver.createInputTopic(Topics.PAPERS.name(), Serdes.String().serializer(), AvroSerdes.plain(Paper.class).serializer());
      TestInputTopic<String, Watch> watches = driver.createInputTopic(Topics.WATCHLIST.name(), Serdes.String().serializer(), AvroSerdes.plain(Watch.class).serializer());
      TestOutputTopic<String, SpikeAlert> out =
          driver.createOutputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer());
      TestOutputTopic<String, KeywordTrend> trends =
          driver.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer());
      plan.bursts.forEach(b -> watches.pipeInput(b.key(), watch(b.phrase())));
      Map<String, TestOutputTopic<byte[], byte[]>> others = new HashMap<>();
      for (Map.Entry<Long, List<Paper>> day : plan.papers.entrySet()) {
        if (sample.isEmpty() && day.getKey() >= plan.warmupEnd) {
          pickSample(driver);
          sample.forEach((key, bin) -> watches.pipeInput(key, watch(labels.get(key))));
        }
        for (Paper p : day.getValue()) {
          papers.pipeInput(p.getId(), p, p.getPublished());
        }
        read(out, trends);
        drain(driver, others);
        closed(driver);
      }
    }
  }

  private void read(TestOutputTopic<String, SpikeAlert> out, TestOutputTopic<String, KeywordTrend> trends) {
    for (TestRecord<String, SpikeAlert> r : out.readRecordsToList()) {
      SpikeAlert a = r.getValue();
      alerts.add(new Alert(a.getKeyword(), a.getLabel(), Days.of(r.getRecordTime()), a.getWindow(), a.getCount(), a.getScore(), a.getPValue(), a.getWatched()));
    }
    for (TestRecord<String, KeywordTrend> r : trends.readRecordsToList()) {
      KeywordTrend t = r.getValue();
      if (plan.phraseKeys.contains(r.getKey()) || sample.containsKey(r.getKey())) {
        watchedTrends.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(new Evaluation(TrendWindow.valueOf(t.getWindow()), Days.of(r.getRecordTime()),
            t.getCount(), t.getTotal(), t.getBaselineCount(), t.getBaselineTotal(), t.getHistoryDays(), t.getPValue(), t.getRatio(), t.getScore(), t.getEmerging()));
      }
    }
  }

  /** The rule of {@link #watch}. */
  static SpikeRule rule() {
    return SpikeRule.of(watch("any"));
  }

  /** The watch {@code PUT /api/watches/{keyword}} writes without a body. */
  static Watch watch(String typed) {
    return Watch.newBuilder().setKeyword(typed).setOwner("bench").build(); // the defaults a PUT gives
  }

  /** Reads away what the other topics got (enriched papers, trends, counts, repartitions), which the driver would keep. */
  private static void drain(TopologyTestDriver driver, Map<String, TestOutputTopic<byte[], byte[]>> others) {
    for (String topic : driver.producedTopicNames()) {
      if (!topic.equals(Topics.KEYWORD_SPIKES.name()) && !topic.equals(Topics.KEYWORD_TRENDS.name())) {
        others.computeIfAbsent(topic, t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer())).readRecordsToList();
      }
    }
  }

  /** Notes the days closed since the last call, and counts their tested keywords. */
  private void closed(TopologyTestDriver driver) {
    Object through = driver.getKeyValueStore(StoreNames.KEYWORD_PROGRESS).get(KeywordTrendsTopology.CLOSED_THROUGH);
    if (through == null) {
      return;
    }
    long now = (Long) through;
    long from = Math.max(closedThrough + 1, plan.warmupEnd);
    if (from <= now) {
      KeywordHistory history = history(driver);
      for (long day : plan.papers.subMap(from, true, now, true).keySet()) {
        KeywordHistory.Tests tests = history.test(day, TrendWindow.P7D, SpikeRule.GLOBAL.maxPValue());
        long left = tests.counts().keySet().stream().filter(k -> plan.injectedTerms.containsKey(k) && MentionTerms.listable(k, plan.injectedTerms.get(k))
            || sample.containsKey(k) && MentionTerms.listable(k, labels.get(k))).count();
        tested.put(day, tests.tests() - left); // the invented terms and the watched keywords left out
      }
    }
    closedThrough = now;
  }

  private static KeywordHistory history(TopologyTestDriver driver) {
    KeyValueStore<String, Map<String, KeywordDay>> closedDays = driver.getKeyValueStore(StoreNames.KEYWORD_CLOSED_DAYS);
    KeyValueStore<String, KeywordDay> days = driver.getKeyValueStore(StoreNames.KEYWORD_DAYS);
    KeyValueStore<String, String> titles = driver.getKeyValueStore(StoreNames.KEYWORD_TITLES);
    KeyValueStore<String, KeywordSeries> series = driver.getKeyValueStore(StoreNames.KEYWORD_SERIES);
    KeyValueStore<Long, Long> totals = driver.getKeyValueStore(StoreNames.KEYWORD_DAY_TOTALS);
    KeyValueStore<String, Long> progress = driver.getKeyValueStore(StoreNames.KEYWORD_PROGRESS);
    return new KeywordHistory(closedDays, days, null, series, titles, totals, progress);
  }

  /**
   * Real keywords to watch, from the warm-up's counts: {@value #SAMPLE_PER_BIN} listable ones at
   * random from each rate bin (papers a listing day: 0.1 to 0.4, 0.6 to 1.6, 2 to 5).
   */
  private void pickSample(TopologyTestDriver driver) {
    Map<String, Long> counts = new HashMap<>();
    KeyValueStore<String, Map<String, KeywordDay>> closedDays = driver.getKeyValueStore(StoreNames.KEYWORD_CLOSED_DAYS);
    try (KeyValueIterator<String, Map<String, KeywordDay>> all = closedDays.all()) {
      while (all.hasNext()) {
        KeyValue<String, Map<String, KeywordDay>> chunk = all.next(); // a part of a day's keywords, under day|chunk
        if (Long.parseLong(chunk.key.substring(0, chunk.key.indexOf('|'))) >= plan.warmupEnd) {
          continue;
        }
        chunk.value.forEach((key, day) -> {
          if (!plan.injectedTerms.containsKey(key)) {
            counts.merge(key, day.getCount(), Long::sum);
            labels.putIfAbsent(key, day.getLabel());
          }
        });
      }
    }
    double listingDays = plan.papers.headMap(plan.warmupEnd).size();
    double[][] bins = {{0.1, 0.4}, {0.6, 1.6}, {2, 5}};
    BaseRate[] names = {BaseRate.WEEKLY, BaseRate.DAILY, BaseRate.BUSY};
    for (int b = 0; b < bins.length; b++) {
      double low = bins[b][0];
      double high = bins[b][1];
      List<String> candidates = new ArrayList<>(counts.entrySet().stream()
          .filter(e -> e.getValue() / listingDays >= low && e.getValue() / listingDays < high && MentionTerms.listable(e.getKey(), labels.get(e.getKey())))
          .map(Map.Entry::getKey).sorted().toList());
      Collections.shuffle(candidates, new Random(seed + b));
      for (String key : candidates.subList(0, Math.min(SAMPLE_PER_BIN, candidates.size()))) {
        sample.put(key, names[b]);
      }
    }
  }
}
