package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.TableReader;
import io.paperpulse.common.TableWriter;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.Progress;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.producer.publish.PublishSummary;
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.stack.Ports;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.enrichment.EnrichmentTopology;
import io.paperpulse.streams.PaperPulseStreams;
import io.paperpulse.testing.NodeInterop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app on the real broker and registry, fed a month of real arXiv listings (from
 * {@code ../shared/data} when present, else the daily sample the project ships): the HTTP API's
 * subject counts must equal counts computed here from the input files, Confluent's Node client must
 * read {@code papers.enriched}, and a poison record must land in {@code papers.dlq}.
 *
 * <p>The broker, the registry and the published listings are shared by the class; each test runs
 * its own app (its own application id and state), so each test stands alone and in any order.
 */
class StreamsIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static final Path SHARED_MONTH = REPO.resolve("../shared/data/arxiv-daily-cs/daily");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalStack stack;
  private static PaperPulseConfig config;
  private static List<Path> inputs;

  @BeforeAll
  static void startAndPublish() throws Exception {
    stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(REPO)), System.getenv());
    config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
    TopicSetup.ensure(config, Topics.ALL);
    inputs = inputs();
    PublishSummary published;
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    try (PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), "streams-it")) {
      published = new PublishJob(reader(), publisher, new PrintStream(report, true, StandardCharsets.UTF_8), Progress.none()).publish(inputs);
    }
    assertThat(published.failed())
        .as("papers Kafka did not acknowledge; the publisher said: %s%nthe broker's last warnings:%n%s",
            report.toString(StandardCharsets.UTF_8), stack.brokerWarnings(40))
        .isZero();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /** An app of its own for a test, RUNNING: {@code applicationId} names its consumer group and internal topics. */
  private static PaperPulseStreams start(String applicationId, String stateDir) throws Exception {
    PaperPulseStreams app = PaperPulseStreams.start(
        config,
        new PaperPulseStreams.Settings(applicationId, dir.resolve(stateDir), "localhost", Ports.free(), 1),
        AnalyticsSettings.defaults());
    if (!app.awaitRunning(Duration.ofMinutes(2))) {
      app.close();
      throw new AssertionError(applicationId + " did not reach RUNNING within 2 minutes");
    }
    return app;
  }

  /** April 2025 from the shared listings, or the week of it shipped with these tests. */
  private static List<Path> inputs() throws Exception {
    if (Files.isDirectory(SHARED_MONTH)) {
      try (Stream<Path> files = Files.list(SHARED_MONTH)) {
        List<Path> month = files.filter(p -> p.getFileName().toString().startsWith("2025-04-")).sorted().toList();
        if (!month.isEmpty()) {
          return month;
        }
      }
    }
    return FaultsIT.week();
  }

  private static FeedReader reader() {
    return new FeedReader(ParseOptions.defaults());
  }

  @Test
  void theSubjectCountsOfTheApiAreTheCountsOfTheInputFiles() throws Exception {
    InputCounts expected = InputCounts.of(inputs, 30);
    try (PaperPulseStreams app = start("streams-it-counts", "state-counts")) {
      String url = "http://localhost:" + app.httpPort() + "/api/subjects?window=P30D";
      long total = expected.total();
      boolean done = Deadline.await(Duration.ofMinutes(4), () -> get(url).path("total").asLong() == total, () -> false);

      JsonNode answer = get(url);
      assertThat(done).as("the API counted %d papers; it answers %s", total, answer).isTrue();
      assertThat(answer.path("end").asText()).isEqualTo(LocalDate.ofEpochDay(expected.lastDay() + 1).toString());
      Map<String, Long> actual = new TreeMap<>();
      answer.path("topics").forEach(t -> actual.put(t.path("topic").asText(), t.path("count").asLong()));
      assertThat(actual).isEqualTo(expected.subjects());
      assertThat(get("http://localhost:" + app.httpPort() + "/api/topics?window=P30D"))
          .as("/api/topics, the alias of /api/subjects").isEqualTo(answer);
      assertThat(app.counters().consumed.get())
          .isEqualTo(app.counters().enriched.get() + app.counters().duplicates.get() + app.counters().deadLettered.get());
    }
  }

  @Test
  void aSecondInstanceAnswersTheSameThroughForwardingAndARestartResumesFromCommittedState() throws Exception {
    String id = "streams-it-instances";
    PaperPulseStreams app = start(id, "state-instances");
    try {
      String first = "http://localhost:" + app.httpPort() + "/api/subjects?window=P30D";
      long total = InputCounts.of(inputs, 30).total();
      assertThat(Deadline.await(Duration.ofMinutes(4), () -> get(first).path("total").asLong() == total, () -> false))
          .as("the first instance counted %d papers; it answers %s", total, get(first)).isTrue();

      try (PaperPulseStreams second = start(id, "state-instances-2")) {
        String other = "http://localhost:" + second.httpPort() + "/api/subjects?window=P30D";
        // Both instances answer, whichever of them owns the analytics partition after the rebalance.
        // Both reach the same answer once the group has settled (a copy still restoring has no part).
        assertThat(Deadline.await(Duration.ofMinutes(2), () -> {
          JsonNode a = get(other);
          JsonNode b = get(first);
          return a.path("total").asLong() == total && b.path("total").asLong() == total && a.path("topics").equals(b.path("topics"));
        }, () -> false)).as("second instance answers %s, first %s", get(other), get(first)).isTrue();
      }

      // Stop and start the first instance on the same state: it resumes, it does not reprocess.
      app.close();
      app = start(id, "state-instances");
      String restarted = "http://localhost:" + app.httpPort() + "/api/subjects?window=P30D";
      assertThat(Deadline.await(Duration.ofMinutes(2), () -> get(restarted).path("total").asLong() == total, () -> false))
          .as("after restart: %s", get(restarted)).isTrue();
      assertThat(app.counters().consumed.get()).as("papers read again after the restart").isZero();
    } finally {
      app.close();
    }
  }

  /** A watch and a subscription written under the keys of extractors before {@code kw-8}, moved when an app starts. */
  @Test
  void watchesAndSubscriptionsWrittenUnderAnEarlierExtractorsKeysMoveToTodaysKeys() throws Exception {
    TopicSerdes serdes = TopicSerdes.registry(config);
    Instant created = Instant.parse("2026-05-01T00:00:00Z");
    try (TableWriter<Watch> watches = new TableWriter<>(config, Topics.WATCHLIST, serdes, "streams-it-old-watch");
        TableWriter<Subscription> subscriptions = new TableWriter<>(config, Topics.SUBSCRIPTIONS, serdes, "streams-it-old-sub")) {
      watches.put("chain-of-thought", Watch.newBuilder().setKeyword("Chain-of-Thought").setMinCount(7).build());
      subscriptions.put("old@example.org", Subscription.newBuilder().setEmail("old@example.org")
          .setKeywords(List.of("chain-of-thought", "gpt-5", "chain of thought")).setCreated(created).build());
    }

    try (PaperPulseStreams app = start("streams-it-keys", "state-keys")) {
      Map<String, Watch> watchTable = TableReader.readAll(config, Topics.WATCHLIST, serdes, Duration.ofSeconds(30));
      assertThat(watchTable).doesNotContainKey("chain-of-thought");
      assertThat(watchTable.get("chain of thought").getMinCount()).isEqualTo(7);
      String url = "http://localhost:" + app.httpPort() + "/api/watches/chain-of-thought";
      assertThat(Deadline.await(Duration.ofMinutes(1), () -> get(url).path("keyword").asText().equals("chain of thought") && get(url).path("minCount").asInt() == 7, () -> false))
          .as("GET %s answers %s", url, get(url)).isTrue();
      assertThat(TableReader.readAll(config, Topics.SUBSCRIPTIONS, serdes, Duration.ofSeconds(30)).get("old@example.org").getKeywords())
          .containsExactly("chain of thought", "gpt-5");
    }
  }

  @Test
  void confluentsNodeDeserializerReadsTheEnrichedPapers() throws Exception {
    List<JsonNode> messages;
    try (PaperPulseStreams app = start("streams-it-node", "state-node")) {
      assertThat(Deadline.await(Duration.ofMinutes(2), () -> app.counters().enriched.get() >= 40, () -> false))
          .as("papers enriched by the app").isTrue();
      messages = NodeInterop.consume(REPO, config.bootstrapServers(), config.confluentApiUrl(), Topics.PAPERS_ENRICHED.name(), 40);
    }

    assertThat(messages).hasSize(40);
    assertThat(messages).allSatisfy(m -> {
      assertThat(m.get("magic").asInt()).isZero();
      assertThat(m.at("/value/paper/id").asText()).isEqualTo(m.get("key").asText());
      assertThat(m.at("/value/keywords")).isNotEmpty();
      assertThat(m.at("/value/topics/0/topic").asText()).isNotBlank();
    });
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheAppGoesOn() throws Exception {
    try (PaperPulseStreams app = start("streams-it-dlq", "state-dlq")) {
      int poisoned = sendPoisonAndFindItDeadLettered();
      assertThat(app.counters().deadLettered.get()).as("records this app dead-lettered").isGreaterThanOrEqualTo(poisoned);
      assertThat(app.awaitRunning(Duration.ofSeconds(30))).as("the app goes on").isTrue();
    }
  }

  /** Sends records that are no papers to {@code papers}, finds each in {@code papers.dlq}; returns how many. */
  private static int sendPoisonAndFindItDeadLettered() throws Exception {
    byte[] watch = io.paperpulse.common.TopicSerdes.registry(config).value(io.paperpulse.avro.Watch.class).serializer()
        .serialize(Topics.WATCHLIST.name(), new io.paperpulse.avro.Watch("x", 1, 1.0, 1.0, null, null));
    byte[] paper = firstPaperBytes();
    Map<String, byte[]> poison = new java.util.LinkedHashMap<>();
    poison.put("poison", new byte[] {9, 9, 9}); // wrong magic byte
    poison.put("poison-unknown-id", new byte[] {0, 0x7f, 0, 0, 1, 2, 4, 6}); // no such schema id
    poison.put("poison-truncated", java.util.Arrays.copyOf(paper, paper.length / 2));
    poison.put("poison-other-subject", watch); // a Watch, registered under another registry subject
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", stack.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
      for (Map.Entry<String, byte[]> record : poison.entrySet()) {
        producer.send(new ProducerRecord<>(Topics.PAPERS.name(), record.getKey(), record.getValue())).get();
      }
    }
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAPERS_DLQ.name()).stream()
          .map(p -> new TopicPartition(Topics.PAPERS_DLQ.name(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
      // The app reaches the poison records after the month published before them.
      Deadline.await(Duration.ofMinutes(4), () -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          found.put(r.key(), r);
        }
        return found.keySet().containsAll(poison.keySet());
      }, () -> false);
      assertThat(found).as("the poison records in %s", Topics.PAPERS_DLQ.name()).containsKeys(poison.keySet().toArray(String[]::new));
      for (Map.Entry<String, byte[]> sent : poison.entrySet()) {
        ConsumerRecord<String, byte[]> dead = found.get(sent.getKey());
        assertThat(dead.value()).as(sent.getKey()).isEqualTo(sent.getValue());
        assertThat(new String(dead.headers().lastHeader(EnrichmentTopology.HEADER_REASON).value(), StandardCharsets.UTF_8))
            .as(sent.getKey()).startsWith("cannot deserialize the value");
        assertThat(new String(dead.headers().lastHeader(EnrichmentTopology.HEADER_TOPIC).value(), StandardCharsets.UTF_8))
            .isEqualTo(Topics.PAPERS.name());
        assertThat(dead.headers().lastHeader(EnrichmentTopology.HEADER_OFFSET)).isNotNull();
      }
    }
    return poison.size();
  }

  /** The bytes of the first record on topic papers: a real paper in the Confluent wire format. */
  private static byte[] firstPaperBytes() {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(Topics.PAPERS.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      byte[][] first = new byte[1][];
      Deadline.await(Duration.ofSeconds(30), () -> {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (first[0] == null && r.value() != null && r.value().length > 20) {
            first[0] = r.value();
          }
        }
        return first[0] != null;
      }, () -> false);
      assertThat(first[0]).isNotNull();
      return first[0];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode get(String url) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("error", e.toString());
    }
  }
}
