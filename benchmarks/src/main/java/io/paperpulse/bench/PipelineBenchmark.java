package io.paperpulse.bench;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.stack.GroupLag;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.PaperPulseStreams;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.common.TopicSerdes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The pipeline on one local broker, in one run, written into docs/benchmarks.md:
 *
 * <ol>
 *   <li>Backfill: {@code ./paperpulse streams} and {@code ./paperpulse replay} of the whole archive
 *       as real processes, timed until the app has caught up; its outputs are compared with an
 *       in-order run of the same papers (TopologyTestDriver); peak heap, peak RSS, state size and
 *       metric series of the app; a JFR profile of it.
 *   <li>The throughput ladder, on the papers the backfill published: passthrough, plus Avro, plus
 *       enrichment, plus windowed counts, the full application; two rounds in opposite orders.
 *   <li>End-to-end latency, publish to {@code papers.enriched}, at 10%, 50% and 80% of the full
 *       application's rate.
 * </ol>
 *
 * <p>Usage: {@code PipelineBenchmark SHARED_DATA_DIR REPORT.md REPO_DIR [backfill,ladder]}
 */
public final class PipelineBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String LADDER_COMMAND =
      "`./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec@pipeline` (about 15 minutes)";

  /** The month of the equivalence check: the archive's last whole month, its busiest. */
  private static final String MONTH_FROM = "2026-06-01";
  private static final String MONTH_TO = "2026-06-30";

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path report = Path.of(args[1]);
    Path repo = Path.of(args[2]).toAbsolutePath();
    // Optional: which parts to run, "backfill" and/or "ladder" (the ladder includes the latency), or
    // "month" alone (a month's replay compared with the in-order run).
    List<String> parts = args.length > 3 ? List.of(args[3].split(",")) : List.of("backfill", "ladder");
    Path daily = Archive.dailyListings(data);
    Path dir = Files.createTempDirectory("pipeline-bench");
    try (LocalStack stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(repo)), System.getenv())) {
      PaperPulseConfig config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
      if (parts.contains("month")) {
        // A month alone: its replay beside the in-order run, every output compared.
        Backfill month = backfill(repo, config, dir, daily.toString(), "--from", MONTH_FROM, "--to", MONTH_TO);
        writeMonth(report, month, compareWithInOrderRun(config, dir));
        return;
      }
      List<Paper> papers = Archive.papers(daily);
      // The backfill publishes the archive; the ladder then reads what it published.
      Backfill backfill = backfill(repo, config, dir, daily.toString());
      if (parts.contains("backfill")) {
        writeMemory(report, backfill);
        writeProfile(report, backfill);
        Comparison comparison = compareWithInOrderRun(config, dir);
        writeBackfill(report, backfill, comparison, papers.size());
      }
      if (parts.contains("ladder")) {
        Map<String, List<Double>> ladder = ladder(config, dir);
        writeLadder(report, ladder, backfill.published());
        double fullRate = Report.median(ladder.get(Stage.FULL.label));
        writeLatency(report, latency(config, papers, dir, fullRate), fullRate);
      }
    }
  }

  // ---- backfill, memory, profile ----

  record Backfill(long published, double replaySeconds, double caughtUpSeconds, long peakHeap, long heapMax, long peakRss,
      long stateBytes, long metricSeries, Map<String, Long> components, Map<String, Long> hotMethods, long samples) {}

  /** Times {@code replay replayArgs} into a fresh {@code streams} process until it has caught up. */
  private static Backfill backfill(Path repo, PaperPulseConfig config, Path dir, String... replayArgs) throws Exception {
    int port = io.paperpulse.stack.Ports.free();
    Path state = dir.resolve("backfill-state");
    Path jfr = dir.resolve("backfill.jfr");
    long heapMax = 2L << 30;
    Map<String, String> env = new HashMap<>();
    env.put("PAPERPULSE_BOOTSTRAP_SERVERS", config.bootstrapServers());
    env.put("PAPERPULSE_REGISTRY_URL", config.registryUrl());
    env.put("PAPERPULSE_SKIP_BUILD", "1");
    Map<String, String> appEnv = new HashMap<>(env);
    appEnv.put("PAPERPULSE_JAVA_OPTS", "-Xmx2g -XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    Process app = start(repo, appEnv, dir.resolve("backfill-streams.log"),
        "streams", "--application-id", "backfill", "--state-dir", state.toString(), "--http-port", String.valueOf(port));
    String metrics = "http://localhost:" + port + "/metrics";
    awaitLog(dir.resolve("backfill-streams.log"), "Streams app running", app);

    long start = System.nanoTime();
    List<String> replayCommand = new ArrayList<>(List.of("replay"));
    replayCommand.addAll(List.of(replayArgs));
    Process replay = start(repo, env, dir.resolve("backfill-replay.log"), replayCommand.toArray(String[]::new));
    long peakHeap = 0;
    double replaySeconds = -1;
    try (Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      List<String> topics = List.of(Topics.PAPERS.name(), "backfill-analytics-repartition");
      while (true) {
        peakHeap = Math.max(peakHeap, heapUsed(metrics));
        if (replaySeconds < 0 && !replay.isAlive()) {
          replaySeconds = (System.nanoTime() - start) / 1e9;
          if (replay.exitValue() != 0 && replay.exitValue() != 1) { // 1: some records rejected, each reported
            throw new IllegalStateException("the replay failed: " + Files.readString(dir.resolve("backfill-replay.log")));
          }
        }
        if (replaySeconds >= 0 && GroupLag.of(admin, "backfill", topics) == 0) {
          break;
        }
        if ((System.nanoTime() - start) > TimeUnit.MINUTES.toNanos(20)) {
          throw new IllegalStateException("the backfill did not catch up in 20 minutes");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
      }
    }
    double caughtUp = (System.nanoTime() - start) / 1e9;
    long peakRss = peakRss(app.pid());
    long series = HTTP.send(HttpRequest.newBuilder(URI.create(metrics)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    long stateBytes = size(state);
    app.toHandle().destroy(); // SIGTERM: the app closes and the JVM writes the recording
    app.waitFor(2, TimeUnit.MINUTES);
    long published = endOffsets(config, Topics.PAPERS.name());
    Map<String, Long> components = new LinkedHashMap<>();
    Map<String, Long> methods = new HashMap<>();
    long samples = profile(jfr, components, methods);
    return new Backfill(published, replaySeconds, caughtUp, peakHeap, heapMax, peakRss, stateBytes, series, components, methods, samples);
  }

  private static Process start(Path repo, Map<String, String> env, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(repo.resolve("paperpulse").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitLog(Path log, String text, Process process) throws Exception {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      if (!process.isAlive() || System.nanoTime() > end) {
        throw new IllegalStateException("no '" + text + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  /** The heap in use, from the app's own metrics; 0 when it does not answer. */
  private static long heapUsed(String metrics) {
    try {
      String body = HTTP.send(HttpRequest.newBuilder(URI.create(metrics)).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return (long) body.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  /** The process's peak resident set (VmHWM), in bytes. */
  private static long peakRss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static long endOffsets(PaperPulseConfig config, String topic) throws Exception {
    try (Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> ends = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
      return admin.listOffsets(ends).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }
  }

  /** CPU samples of the recording by component (the top frame's package) and by method. */
  private static long profile(Path jfr, Map<String, Long> components, Map<String, Long> methods) throws IOException {
    String[][] buckets = {
      {"io.paperpulse.streams.keywords", "keyword extraction"},
      {"io.paperpulse.streams.subjects", "subject classification"},
      {"io.paperpulse", "PaperPulse analytics and the rest of its code"},
      {"org.apache.avro", "Avro"},
      {"io.apicurio", "Apicurio serde"},
      {"org.rocksdb", "RocksDB"},
      {"org.apache.kafka", "Kafka clients and Streams"},
      {"java.util.zip", "gzip"},
      {"java.util.regex", "regular expressions"},
      {"sun.nio", "network I/O"},
      {"", "JDK and other"}
    };
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
          || event.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      samples++;
      RecordedFrame top = event.getStackTrace().getFrames().get(0);
      String type = top.getMethod().getType().getName();
      methods.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
      // By component: the first PaperPulse, Avro, RocksDB ... frame from the top, so JDK code
      // called by the extractor counts as the extractor's.
      String component = null;
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        String frameType = frame.getMethod().getType().getName();
        for (String[] bucket : buckets) {
          if (!bucket[0].isEmpty() && !bucket[0].startsWith("java") && !bucket[0].startsWith("sun") && frameType.startsWith(bucket[0])) {
            component = bucket[1];
            break;
          }
        }
        if (component != null) {
          break;
        }
      }
      if (component == null) {
        for (String[] bucket : buckets) {
          if (type.startsWith(bucket[0])) {
            component = bucket[1];
            break;
          }
        }
      }
      components.merge(component, 1L, Long::sum);
    }
    return samples;
  }

  // ---- in-order reference ----

  record Comparison(int subjectCounts, int finalTrends, int alerts, int trendingPapers, List<String> differences) {}

  /**
   * The backfill's outputs beside an in-order run on the test driver of exactly what it read: the
   * records of {@code papers}, sorted by timestamp (each partition's order kept).
   */
  private static Comparison compareWithInOrderRun(PaperPulseConfig config, Path dir) throws Exception {
    TopicSerdes registry = TopicSerdes.registry(config);
    List<ConsumerRecord<String, Paper>> published = new ArrayList<>();
    read(config, Topics.PAPERS.name(), registry.value(Paper.class).deserializer(), published::add);
    published.sort(Comparator.<ConsumerRecord<String, Paper>>comparingLong(ConsumerRecord::timestamp)
        .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
    Outputs backfill = new Outputs();
    read(config, Topics.SUBJECT_COUNTS.name(), registry.value(TopicCount.class).deserializer(), r -> backfill.count(r.key(), r.value()));
    read(config, Topics.KEYWORD_TRENDS.name(), registry.value(KeywordTrend.class).deserializer(), r -> backfill.trend(r.key(), r.value()));
    read(config, Topics.KEYWORD_SPIKES.name(), registry.value(SpikeAlert.class).deserializer(), r -> backfill.alert(r.value()));
    read(config, Topics.TRENDING_PAPERS.name(), registry.value(TrendingPaper.class).deserializer(), r -> backfill.paper(r.key(), r.value()));

    Outputs inOrder = new Outputs();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "in-order");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("in-order").toString());
    // One partition on the test driver; the recent idf kept per partition as on the broker's three.
    Topology topology = PaperPulseTopology.build(
        AnalyticsSettings.defaults().withInMemoryState(true).withIdfPartitions(3), Enricher.bundled(), TopicSerdes.plain(), new Counters());
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      TestInputTopic<String, Paper> input = driver.createInputTopic(Topics.PAPERS.name(), Serdes.String().serializer(), AvroSerdes.plain(Paper.class).serializer());
      for (ConsumerRecord<String, Paper> r : published) {
        input.pipeInput(r.key(), r.value(), r.timestamp());
      }
      driver.createOutputTopic(Topics.SUBJECT_COUNTS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TopicCount.class).deserializer())
          .readKeyValuesToList().forEach(kv -> inOrder.count(kv.key, kv.value));
      driver.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer())
          .readKeyValuesToList().forEach(kv -> inOrder.trend(kv.key, kv.value));
      driver.createOutputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer())
          .readValuesToList().forEach(inOrder::alert);
      driver.createOutputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TrendingPaper.class).deserializer())
          .readKeyValuesToList().forEach(kv -> inOrder.paper(kv.key, kv.value));
    }
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


  /** Every committed record of {@code topic}, from the beginning to the current end. */
  private static <V> void read(PaperPulseConfig config, String topic, Deserializer<V> values, Consumer<ConsumerRecord<String, V>> sink) throws Exception {
    long end = endOffsets(config, topic);
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (partitions.stream().mapToLong(consumer::position).sum() < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
          sink.accept(r);
        }
      }
    }
  }

  // ---- the throughput ladder ----

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

  private static Map<String, List<Double>> ladder(PaperPulseConfig config, Path dir) throws Exception {
    TopicSetup.ensureNames(config, List.of("bench-passthrough", "bench-avro"));
    long papers = endOffsets(config, Topics.PAPERS.name());
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      rates.put(stage.label, new ArrayList<>());
    }
    List<Stage> order = new ArrayList<>(List.of(Stage.values()));
    for (int round = 0; round < 2; round++) {
      for (Stage stage : order) {
        double rate = run(config, dir, stage, round, papers);
        rates.get(stage.label).add(rate);
        System.out.printf(Locale.ROOT, "ladder round %d %s: %,.0f papers/s%n", round, stage, rate);
      }
      Collections.reverse(order);
    }
    return rates;
  }

  /** Runs one stage on a fresh application id until it has read every paper; papers per second. */
  private static double run(PaperPulseConfig config, Path dir, Stage stage, int round, long papers) throws Exception {
    String id = "ladder-" + stage.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + round;
    Properties props = PaperPulseStreams.streamsProperties(config,
        new PaperPulseStreams.Settings(id, dir.resolve(id), "localhost", 1, 1));
    List<String> topics = new ArrayList<>(List.of(Topics.PAPERS.name()));
    if (stage == Stage.SUBJECT_COUNTS || stage == Stage.FULL) {
      topics.add(id + "-analytics-repartition");
    }
    try (KafkaStreams streams = new KafkaStreams(topology(stage, config), props);
        Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      streams.start();
      while (streams.state() != KafkaStreams.State.RUNNING) {
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException(id + " failed");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      long start = System.nanoTime();
      while (GroupLag.of(admin, id, topics) != 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      double rate = papers / ((System.nanoTime() - start) / 1e9);
      streams.close(Duration.ofSeconds(30));
      return rate;
    }
  }

  private static Topology topology(Stage stage, PaperPulseConfig config) {
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

  // ---- end-to-end latency ----

  record Latency(int percent, double rate, int papers, double p50, double p99, double max) {}

  private static List<Latency> latency(PaperPulseConfig config, List<Paper> archive, Path dir, double fullRate) throws Exception {
    Properties props = PaperPulseStreams.streamsProperties(config, new PaperPulseStreams.Settings("latency", dir.resolve("latency"), "localhost", 1, 1));
    List<Latency> out = new ArrayList<>();
    try (KafkaStreams streams = new KafkaStreams(topology(Stage.FULL, config), props);
        Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()));
        PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), "bench-latency");
        KafkaConsumer<String, EnrichedPaper> consumer = new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), TopicSerdes.registry(config).value(EnrichedPaper.class).deserializer())) {
      streams.start();
      // First the backlog, so the measured papers wait for nothing but the pipeline.
      while (GroupLag.of(admin, "latency", List.of(Topics.PAPERS.name(), "latency-analytics-repartition")) != 0) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      }
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPERS_ENRICHED.name()).stream()
          .map(p -> new TopicPartition(Topics.PAPERS_ENRICHED.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      Instant day = archive.stream().map(Paper::getPublished).max(Comparator.naturalOrder()).orElseThrow().plus(Duration.ofDays(1));
      for (int percent : new int[] {10, 50, 80}) {
        out.add(level(percent, fullRate * percent / 100, archive, day, publisher, consumer));
        day = day.plus(Duration.ofDays(1));
      }
      streams.close(Duration.ofSeconds(30));
    }
    return out;
  }

  /** Sends papers at {@code rate} for 15 s, paced, and measures each one's arrival on papers.enriched. */
  private static Latency level(int percent, double rate, List<Paper> archive, Instant day, PaperPublisher publisher,
      KafkaConsumer<String, EnrichedPaper> consumer) {
    int count = (int) Math.max(200, rate * 15);
    String marker = "-lat" + percent + "-";
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
    System.out.printf(Locale.ROOT, "latency %d%%: %d of %d received%n", percent, sorted.size(), count);
    return new Latency(percent, rate, sorted.size(), at.apply(0.50), at.apply(0.99), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
  }

  // ---- the report ----

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
  }

  private static void writeMonth(Path report, Backfill b, Comparison c) throws IOException {
    StringBuilder out = new StringBuilder("## A month's replay against the in-order run\n\n");
    out.append("Machine: ").append(Report.machine()).append(".\n\n");
    out.append("Reproduce: `./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec@pipeline -Dbench.parts=month` (about 5 minutes).\n\n");
    out.append(String.format(Locale.ROOT, "`./paperpulse streams` (as the backfill below) reads `./paperpulse replay --from %s --to %s "
        + "../shared/data/arxiv-daily-cs/daily`: %,d records published in %.1f s, every topology caught up after %.1f s. "
        + "The records it read from `papers`, in timestamp order, then go one by one through the same topology on Kafka Streams' "
        + "TopologyTestDriver (one partition). Compared: %,d final subject-count windows, %,d final keyword trends, %,d alerts, "
        + "%,d places in the trending-papers rankings (`trends.papers`, every window and day). ",
        MONTH_FROM, MONTH_TO, b.published(), b.replaySeconds(), b.caughtUpSeconds(), c.subjectCounts(), c.finalTrends(), c.alerts(), c.trendingPapers()));
    out.append(c.differences().isEmpty() ? "The replay wrote **exactly the same** records.\n" : "The replay **differs**:\n\n");
    c.differences().forEach(d -> out.append("- ").append(d).append('\n'));
    Report.section(report, "month", out.toString());
  }

  private static void writeBackfill(Path report, Backfill b, Comparison c, int distinct) throws IOException {
    StringBuilder out = new StringBuilder("## Backfill: `./paperpulse replay` of the whole archive\n\n");
    out.append("Machine: ").append(Report.machine()).append("; broker, registry, streams app and replay all on it.\n\n");
    out.append("Reproduce: ").append(LADDER_COMMAND).append(".\n\n");
    out.append(String.format(Locale.ROOT, "`./paperpulse streams` (one stream thread, exactly_once_v2, `-Xmx2g`, recording a JFR profile) runs first; "
        + "then `./paperpulse replay ../shared/data/arxiv-daily-cs/daily` publishes the archive (120,405 records, %,d distinct papers) in event-time order, "
        + "as fast as it can. Timed from the replay's start until the app has read everything on `papers` and on its analytics partition (lag 0).%n%n", distinct));
    out.append("| step | seconds |\n|---|---|\n");
    out.append(String.format(Locale.ROOT, "| replay publishes %,d papers | %.1f |%n", b.published(), b.replaySeconds()));
    out.append(String.format(Locale.ROOT, "| every topology caught up | **%.1f** |%n", b.caughtUpSeconds()));
    out.append(String.format(Locale.ROOT, "%nGoal: the backfill of the archive in at most 60 s: **%s** (%.0f papers/s end to end).%n%n",
        b.caughtUpSeconds() <= 60 ? "met" : "missed", b.published() / b.caughtUpSeconds()));
    out.append(String.format(Locale.ROOT, "Against a slow, in-order run (the same papers one by one, sorted by event time, on Kafka Streams' "
        + "TopologyTestDriver): %,d final subject-count windows, %,d final keyword trends, %,d alerts, %,d places in the trending-papers rankings. ",
        c.subjectCounts(), c.finalTrends(), c.alerts(), c.trendingPapers()));
    if (c.differences().isEmpty()) {
      out.append("The backfill wrote **exactly the same** records.\n");
    } else {
      out.append("The backfill **differs**:\n\n");
      c.differences().forEach(d -> out.append("- ").append(d).append('\n'));
    }
    Report.section(report, "backfill", out.toString());
  }

  private static void writeMemory(Path report, Backfill b) throws IOException {
    StringBuilder out = new StringBuilder("## Memory of the streams app (during the backfill)\n\n");
    out.append("| measure | value |\n|---|---|\n");
    out.append("| peak heap in use (sampled every 250 ms from its `/metrics`) | ").append(mib(b.peakHeap())).append(" of ").append(mib(b.heapMax())).append(" |\n");
    out.append("| peak resident set (VmHWM) | ").append(mib(b.peakRss())).append(" |\n");
    out.append("| state directory on disk after the backfill | ").append(mib(b.stateBytes())).append(" |\n");
    out.append(String.format(Locale.ROOT, "| metric series on `/metrics` | %,d |%n", b.metricSeries()));
    Report.section(report, "memory", out.toString());
  }

  private static void writeProfile(Path report, Backfill b) throws IOException {
    StringBuilder out = new StringBuilder("## Where the streams app's time goes (JFR, during the backfill)\n\n");
    out.append(String.format(Locale.ROOT, "%,d CPU samples (JFR `profile` settings). By component, from the first frame of PaperPulse, Avro, "
        + "Apicurio, RocksDB or Kafka below the top of each stack (so JDK code they call counts as theirs):%n%n", b.samples()));
    out.append("| component | share of samples |\n|---|---|\n");
    b.components().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / b.samples())));
    out.append("\nHottest methods (self time):\n\n| method | share |\n|---|---|\n");
    b.hotMethods().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / b.samples())));
    Report.section(report, "profile", out.toString());
  }

  private static void writeLadder(Path report, Map<String, List<Double>> rates, long papers) throws IOException {
    StringBuilder out = new StringBuilder("## Throughput ladder\n\n");
    out.append("Machine: ").append(Report.machine()).append("; the broker and registry on it too.\n\n");
    out.append("Reproduce: ").append(LADDER_COMMAND).append(".\n\n");
    out.append(String.format(Locale.ROOT, "Each stage reads the same %,d papers from `papers` (3 partitions) with a fresh application id: "
        + "one stream thread, exactly_once_v2, the default commit interval, RocksDB state. Timed from RUNNING until the group's lag is 0 "
        + "on every topic it reads. Two rounds, the second in reverse order; the median of the two.%n%n", papers));
    out.append("| stage | papers/s per round | median | ratio to passthrough |\n|---|---|---|---|\n");
    double passthrough = Report.median(rates.get(Stage.PASSTHROUGH.label));
    for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
      double median = Report.median(e.getValue());
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", e.getKey(),
          String.join(", ", e.getValue().stream().map(Report::rate).toList()), Report.rate(median), median / passthrough));
    }
    double full = Report.median(rates.get(Stage.FULL.label));
    out.append(String.format(Locale.ROOT, "%nGoals: the full application at least 0.25 × passthrough: **%s** (%.2f); at least 5,000 papers/s: **%s** (%s).%n",
        full >= 0.25 * passthrough ? "met" : "missed", full / passthrough, full >= 5000 ? "met" : "missed", Report.rate(full)));
    Report.section(report, "ladder", out.toString());
  }

  private static void writeLatency(Path report, List<Latency> levels, double fullRate) throws IOException {
    StringBuilder out = new StringBuilder("## End-to-end latency: publish to `papers.enriched`\n\n");
    out.append(String.format(Locale.ROOT, "The full application, caught up, then papers published at a steady rate for 15 s per level, "
        + "as a fraction of its highest sustainable rate (the ladder's median, %s papers/s). Latency is the time from the send "
        + "(the paper's `ingested`) to its arrival at a read-committed consumer of `papers.enriched`; exactly_once_v2 makes "
        + "results visible at each commit (every 100 ms).%n%n", Report.rate(fullRate)));
    out.append("| load | papers/s | papers received | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    for (Latency l : levels) {
      out.append(String.format(Locale.ROOT, "| %d%% | %s | %,d | %.0f | %.0f | %.0f |%n", l.percent(), Report.rate(l.rate()), l.papers(), l.p50(), l.p99(), l.max()));
    }
    Latency half = levels.stream().filter(l -> l.percent() == 50).findFirst().orElseThrow();
    out.append(String.format(Locale.ROOT, "%nGoal: p99 at most 250 ms at 50%% load: **%s** (%.0f ms).%n", half.p99() <= 250 ? "met" : "missed", half.p99()));
    Report.section(report, "latency", out.toString());
  }
}
