package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.Progress;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.producer.publish.PublishSummary;
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.GroupLag;
import io.paperpulse.stack.KafkaBroker;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.stack.Ports;
import io.paperpulse.stack.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on real processes: the streams app killed with SIGKILL mid-run, the broker restarted
 * during a publish, the registry down when everything starts, and one of two streams instances
 * killed. Each test has a broker of its own; the input is a real week of arXiv listings shipped
 * with these tests (1,071 distinct papers).
 */
class FaultsIT {
  private static final Path WEEK = AppProcess.REPO.resolve("it/src/test/resources/arxiv-week");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir static Path dir;
  private static SchemaRegistry registry;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = SchemaRegistry.start(
        dir.resolve("registry"), LocalStack.defaultRegistryDist(AppProcess.REPO), Ports.free(), Ports.free(), System.getenv());
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  static List<Path> week() throws Exception {
    try (Stream<Path> files = Files.list(WEEK)) {
      return files.sorted().toList();
    }
  }

  @Test
  void killingTheStreamsAppMidRunThenRestartingItGivesTheAnswersOfAFaultFreeRun() throws Exception {
    try (KafkaBroker broker = broker("kill")) {
      PaperPulseConfig config = config(broker, registry.url());
      long papers = publish(config, week()).published();

      Map<String, JsonNode> reference;
      try (AppProcess app = streams(config, "reference", "kill-reference", Map.of())) {
        assertThat(awaitCaughtUp(config, "reference")).as("the reference run caught up").isTrue();
        reference = answers(app);
        assertThat(app.stop()).as("exit code after SIGTERM").isIn(0, 143);
      }
      assertThat(reference.get("/api/subjects?window=P30D").path("total").asLong()).isEqualTo(papers);

      Path state = dir.resolve("kill-crash");
      long consumedAtKill;
      try (AppProcess app = streams(config, "crash", "kill-crash", Map.of())) {
        String metrics = url(app, "/metrics");
        assertThat(Deadline.await(Duration.ofMinutes(2), () -> metric(metrics, "paperpulse_papers_consumed_total") >= papers / 4.0,
            () -> !app.alive())).as("the app got going").isTrue();
        app.kill();
        consumedAtKill = (long) metric(metrics, "paperpulse_papers_consumed_total");
      }
      assertThat(lag(config, "crash")).as("records left to read after the kill (else it was not mid-run)").isPositive();

      try (AppProcess app = streams(config, "crash", state.getFileName().toString(), Map.of())) {
        assertThat(awaitCaughtUp(config, "crash")).as("the restarted run caught up").isTrue();
        Map<String, JsonNode> afterCrash = answers(app);
        for (Map.Entry<String, JsonNode> expected : reference.entrySet()) {
          assertThat(afterCrash.get(expected.getKey())).as(expected.getKey()).isEqualTo(expected.getValue());
        }
        assertThat(app.stop()).as("exit code after SIGTERM").isIn(0, 143);
      }
      assertThat(consumedAtKill).isLessThan(papers);
    }
  }

  /**
   * The broker stopped (SIGTERM) and started again during a publish: nothing is lost. The
   * idempotent producer retries, but Kafka 4.1.1 does not promise more across a restart: in some
   * runs the broker answered NOT_LEADER_OR_FOLLOWER for a batch it had already written while
   * shutting down, and after the restart it appended the retried batch again (same producer id,
   * epoch and sequence numbers; seen with kafka.tools.DumpLogSegments). A retried batch is written
   * at most twice; the enrichment drops repeated ids, so every paper is enriched once.
   */
  @Test
  void restartingTheBrokerDuringAPublishLosesNothing() throws Exception {
    assertNothingLost("graceful-restart", false);
  }

  /** A crash (SIGKILL) rather than a restart: likewise nothing is lost. */
  @Test
  void aBrokerCrashDuringAPublishLosesNothing() throws Exception {
    assertNothingLost("crash", true);
  }

  private static void assertNothingLost(String name, boolean crash) throws Exception {
    List<String> keys = publishThroughBrokerRestart(name, crash);
    long expected = InputCounts.of(week(), Integer.MAX_VALUE).total();

    assertThat(new HashSet<>(keys)).as("distinct paper ids on papers").hasSize((int) expected);
    Map<String, Long> copies = keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    assertThat(copies.values()).as("copies of each paper on papers").allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
    // Retried batches, not a second publish of the week: runs saw 1 to 116 extra records.
    assertThat(keys.size() - expected).as("papers written twice").isLessThan(expected / 4);
    System.out.printf("broker %s during publish: %d records for %d papers%n", name, keys.size(), expected);
  }

  /** A slow replay of the week with the broker stopped (or killed) and started again mid-way; the keys on papers. */
  private static List<String> publishThroughBrokerRestart(String name, boolean crash) throws Exception {
    Path brokerDir = dir.resolve(name);
    int port = Ports.free();
    int controller = Ports.free();
    KafkaBroker broker = KafkaBroker.start(brokerDir, port, controller, List.of());
    try {
      PaperPulseConfig config = config(broker, registry.url());
      long expected = InputCounts.of(week(), Integer.MAX_VALUE).total();
      // Six hours of event time a second: the week takes about 25 s to publish, the broker is down for part of it.
      try (AppProcess replay = AppProcess.start(env(config, Map.of()), "replay", "--speed", "21600", WEEK.toString())) {
        assertThat(Deadline.await(Duration.ofMinutes(2), () -> endOffsets(config, Topics.PAPERS.name()) > 0, () -> !replay.alive()))
            .as("the replay started publishing: %s", replay.output()).isTrue();
        if (crash) {
          broker.kill();
        } else {
          broker.close();
        }
        assertThat(replay.alive()).as("the replay was still running when the broker stopped").isTrue();
        assertThat(keysBeforeRestart(replay)).isTrue();
        broker = KafkaBroker.start(brokerDir, port, controller, List.of());
        assertThat(replay.awaitExit(Duration.ofMinutes(3))).as(replay.output()).isZero();
        assertThat(replay.output()).contains(String.format("%,d published", expected));
      }
      return keys(config, Topics.PAPERS.name());
    } finally {
      broker.close();
    }
  }

  @Test
  void withTheRegistryDownAtStartTheProducerAndTheAppWaitAndLoseNothingOnceItIsUp() throws Exception {
    int registryPort = Ports.free();
    try (KafkaBroker broker = broker("late-registry")) {
      PaperPulseConfig config = config(broker, "http://127.0.0.1:" + registryPort);
      long expected = InputCounts.of(week(), Integer.MAX_VALUE).total();
      int httpPort = Ports.free();
      try (AppProcess app = AppProcess.start(env(config, Map.of()), "streams", "--application-id", "late-registry",
              "--state-dir", dir.resolve("late-registry-state").toString(), "--http-port", String.valueOf(httpPort));
          AppProcess publish = AppProcess.start(env(config, Map.of()), "publish", WEEK.toString())) {
        String refused = "schema registry at " + config.registryUrl() + " is not reachable";
        assertThat(publish.awaitLine(refused, Duration.ofMinutes(1))).as(publish.output()).isTrue();
        assertThat(app.awaitLine(refused, Duration.ofMinutes(1))).as(app.output()).isTrue();
        assertThat(publish.output()).contains("retrying in");

        try (SchemaRegistry late = SchemaRegistry.start(dir.resolve("late-registry"), LocalStack.defaultRegistryDist(AppProcess.REPO),
            registryPort, Ports.free(), System.getenv())) {
          assertThat(publish.awaitExit(Duration.ofMinutes(3))).as(publish.output()).isZero();
          assertThat(publish.output()).contains(String.format("%,d published", expected));
          assertThat(app.awaitLine("Streams app running", Duration.ofMinutes(2))).as(app.output()).isTrue();
          String metrics = "http://localhost:" + httpPort + "/metrics";
          assertThat(Deadline.await(Duration.ofMinutes(2), () -> metric(metrics, "paperpulse_papers_enriched_total") == expected,
              () -> !app.alive())).as("every paper enriched; %s", app.output()).isTrue();
          assertThat(metric(metrics, "paperpulse_papers_dead_lettered_total")).isZero();
          assertThat(app.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }
      }
    }
  }

  @Test
  void whenOneOfTwoInstancesIsKilledTheOtherTakesOverAnswersThroughoutAndCountsExactly() throws Exception {
    List<Path> week = week();
    try (KafkaBroker broker = broker("pair")) {
      PaperPulseConfig config = config(broker, registry.url());
      publish(config, week.subList(0, 4));
      // A short session, so the group notices the dead instance within seconds rather than 45 s.
      Map<String, String> fast = Map.of("KAFKA_SESSION_TIMEOUT_MS", "6000", "KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
      try (AppProcess first = streams(config, "pair", "pair-1", fast);
          AppProcess second = streams(config, "pair", "pair-2", fast)) {
        long firstDays = InputCounts.of(week.subList(0, 4), 30).total();
        String subjects = "/api/subjects?window=P30D";
        assertThat(Deadline.await(Duration.ofMinutes(3),
            () -> total(url(first, subjects)) == firstDays && total(url(second, subjects)) == firstDays,
            () -> !first.alive() || !second.alive()))
            .as("both instances answer %d: %s / %s", firstDays, get(url(first, subjects)), get(url(second, subjects))).isTrue();

        AppProcess owner = metric(url(first, "/metrics"), "paperpulse_topic_papers") > 0 ? first : second;
        AppProcess survivor = owner == first ? second : first;
        // The scenario: the survivor holds a copy (active or standby) of every analytics partition
        // when the owner dies. The group places standbys after the instances join; wait for them.
        assertThat(Deadline.await(Duration.ofMinutes(2), () -> holdsEveryPartition(url(survivor, subjects)), () -> !survivor.alive()))
            .as("the survivor holds a copy of every analytics partition").isTrue();
        // Killed with nothing in flight. Killed inside an open transaction, the owner would hold its
        // partitions from the survivor until the broker aborts that transaction (transaction.timeout.ms,
        // 10 s under exactly-once), a pause of Kafka's that this test does not measure: in one CI run
        // the survivor answered 503 for 97 polls, its tasks waiting to initialise.
        assertThat(awaitCaughtUp(config, "pair")).as("the pair has read and committed the first days").isTrue();
        owner.kill();
        publish(config, week.subList(4, week.size()));

        InputCounts expected = InputCounts.of(week, 30);
        List<Integer> statuses = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        boolean exact = Deadline.await(Duration.ofMinutes(3), () -> {
          HttpResponse<String> response = send(url(survivor, subjects));
          statuses.add(response == null ? -1 : response.statusCode());
          if (response != null && response.statusCode() != 200 && refusals.size() < 5) {
            refusals.add(response.body());
          }
          return response != null && response.statusCode() == 200 && total(response) == expected.total();
        }, () -> !survivor.alive());
        JsonNode answer = get(url(survivor, subjects));
        assertThat(exact).as("the survivor counts all %d papers: %s", expected.total(), answer).isTrue();
        Map<String, Long> counted = new java.util.TreeMap<>();
        answer.path("topics").forEach(t -> counted.put(t.path("topic").asText(), t.path("count").asLong()));
        assertThat(counted).isEqualTo(expected.subjects());
        long answered = statuses.stream().filter(s -> s == 200).count();
        System.out.printf("takeover: %d of %d queries answered 200; statuses %s; refusals %s%n", answered, statuses.size(), statuses, refusals);
        assertThat(answered).as("queries answered during the takeover: %s; the first refusals: %s", statuses, refusals).isGreaterThanOrEqualTo(statuses.size() * 9L / 10);
      }
    }
  }

  // ---- plumbing ----

  /** The replay has not printed its summary yet: it has papers still to send. */
  private static boolean keysBeforeRestart(AppProcess replay) {
    return !replay.output().contains("records read:");
  }

  private static KafkaBroker broker(String name) throws Exception {
    return KafkaBroker.start(dir.resolve(name), Ports.free(), Ports.free(), List.of());
  }

  private static PaperPulseConfig config(KafkaBroker broker, String registryUrl) {
    return PaperPulseConfig.defaults().withBootstrapServers(broker.bootstrapServers()).withRegistryUrl(registryUrl);
  }

  private static Map<String, String> env(PaperPulseConfig config, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("PAPERPULSE_BOOTSTRAP_SERVERS", config.bootstrapServers());
    env.put("PAPERPULSE_REGISTRY_URL", config.registryUrl());
    return env;
  }

  private static PublishSummary publish(PaperPulseConfig config, List<Path> files) throws Exception {
    io.paperpulse.common.TopicSetup.ensure(config, List.of(Topics.PAPERS));
    try (PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), "faults-it")) {
      PublishSummary summary = new PublishJob(new FeedReader(ParseOptions.defaults()), publisher,
          new PrintStream(new ByteArrayOutputStream()), Progress.none()).publish(files);
      assertThat(summary.failed()).isZero();
      return summary;
    }
  }

  /** {@code paperpulse streams} in a process of its own, once it says it is running. */
  private static AppProcess streams(PaperPulseConfig config, String applicationId, String stateDir, Map<String, String> extraEnv)
      throws Exception {
    int port = Ports.free();
    AppProcess app = AppProcess.start(env(config, extraEnv), "streams", "--application-id", applicationId,
        "--state-dir", dir.resolve(stateDir).toString(), "--http-port", String.valueOf(port));
    assertThat(app.awaitLine("Streams app running", Duration.ofMinutes(2))).as(app.output()).isTrue();
    return app;
  }

  private static String url(AppProcess app, String path) {
    for (String line : app.output().split("\n")) {
      int at = line.indexOf("http://localhost:");
      if (line.startsWith("Streams app running") && at >= 0) {
        return line.substring(at, line.indexOf("/api/", at)) + path;
      }
    }
    throw new AssertionError("no API URL printed: " + app.output());
  }

  /** Every answer a user could check after a run: subject counts, series, trending keywords, alerts. */
  private static Map<String, JsonNode> answers(AppProcess app) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String window : List.of("P1D", "P7D", "P30D")) {
      out.put("/api/subjects?window=" + window, get(url(app, "/api/subjects?window=" + window)));
    }
    out.put("/api/subjects/Machine Learning/series", get(url(app, "/api/subjects/" + URLEncoder.encode("Machine Learning", StandardCharsets.UTF_8).replace("+", "%20") + "/series?window=P1D")));
    // Every closed day's trending keywords in each window; an open day's are provisional.
    List<String> listed = new ArrayList<>();
    int closedDays = 0;
    int rankedDays = 0;
    for (java.time.LocalDate day = java.time.LocalDate.parse("2025-04-01"); day.isBefore(java.time.LocalDate.parse("2025-04-08")); day = day.plusDays(1)) {
      for (String window : List.of("P1D", "P7D", "P28D")) {
        JsonNode trending = get(url(app, "/api/keywords/trending?window=" + window + "&limit=500&day=" + day));
        if (trending.path("final").asBoolean()) {
          out.put("/api/keywords/trending?window=" + window + "&day=" + day, trending);
          closedDays += window.equals("P1D") ? 1 : 0;
          trending.path("keywords").forEach(k -> listed.add(k.path("keyword").asText()));
        }
      }
      // The papers' final rankings: a day ranked after a restart holds papers kept before it.
      for (String window : List.of("P1D", "P7D", "P30D")) {
        JsonNode papers = get(url(app, "/api/papers/trending?window=" + window + "&limit=100&day=" + day));
        if (papers.path("final").asBoolean() && !papers.path("papers").isEmpty()) {
          out.put("/api/papers/trending?window=" + window + "&day=" + day, papers);
          rankedDays += window.equals("P1D") ? 1 : 0;
        }
      }
    }
    assertThat(closedDays).as("closed days").isGreaterThanOrEqualTo(3);
    assertThat(rankedDays).as("days whose papers were ranked").isGreaterThanOrEqualTo(3);
    assertThat(listed).as("keywords listed on closed days").isNotEmpty();
    for (String keyword : listed.stream().distinct().limit(3).toList()) {
      out.put("/api/keywords/" + keyword, get(url(app, "/api/keywords/" + URLEncoder.encode(keyword, StandardCharsets.UTF_8).replace("+", "%20"))));
    }
    out.put("/api/alerts", get(url(app, "/api/alerts?limit=500")));
    out.values().forEach(answer -> assertThat(answer.has("error")).as("an answer: %s", answer).isFalse());
    return out;
  }

  /** Waits until the application has read everything on {@code papers} and its repartition topic. */
  private static boolean awaitCaughtUp(PaperPulseConfig config, String applicationId) throws InterruptedException {
    return Deadline.await(Duration.ofMinutes(4), () -> lag(config, applicationId) == 0, () -> false);
  }

  /** Records the application has still to read from {@code papers} and its analytics repartition topic. */
  private static long lag(PaperPulseConfig config, String applicationId) {
    try (Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      return GroupLag.of(admin, applicationId, List.of(Topics.PAPERS.name(), applicationId + "-analytics-repartition"));
    }
  }

  private static long endOffsets(PaperPulseConfig config, String topic) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers(), "request.timeout.ms", 3000, "default.api.timeout.ms", 5000))) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(ends).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  /** Every key on {@code topic}, read-committed, from the beginning. */
  private static List<String> keys(PaperPulseConfig config, String topic) throws Exception {
    long end = endOffsets(config, topic);
    List<String> keys = new ArrayList<>();
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Deadline.await(Duration.ofMinutes(1), () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
        return partitions.stream().mapToLong(consumer::position).sum() >= end;
      }, () -> false);
    }
    return keys;
  }

  private static long total(String url) {
    return get(url).path("total").asLong(-1);
  }

  private static long total(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body()).path("total").asLong(-1);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** The sum of a metric's samples on a /metrics page, or -1 when it has none. */
  private static double metric(String url, String name) {
    HttpResponse<String> response = send(url);
    if (response == null || response.statusCode() != 200) {
      return -1;
    }
    double sum = 0;
    boolean found = false;
    for (String line : response.body().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : -1;
  }

  private static JsonNode get(String url) {
    HttpResponse<String> response = send(url);
    try {
      return response == null ? JSON.createObjectNode().put("error", "no answer") : JSON.readTree(response.body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("error", e.toString());
    }
  }

  /** Whether the instance answers a request for every partition's part from its own copies. */
  private static boolean holdsEveryPartition(String url) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).header("X-PaperPulse-Partitions", "0,1,2").timeout(Duration.ofSeconds(15)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static HttpResponse<String> send(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      return null;
    }
  }
}
