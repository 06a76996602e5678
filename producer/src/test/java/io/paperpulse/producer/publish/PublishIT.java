package io.paperpulse.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.Paper;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.testing.NodeInterop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes real feeds to the real local broker and registry, then reads them back three ways: a
 * plain consumer decoding with the schema the registry returns for the id in each record, and
 * Confluent's Node deserializer through the Confluent-compatible API.
 */
class PublishIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  private static LocalStack stack;
  private static PaperPulseConfig config;

  @BeforeAll
  static void startStack() throws IOException {
    stack = LocalStack.start(
        LocalStack.Settings.freePorts(dataDir, LocalStack.defaultRegistryDist(REPO)), System.getenv());
    config = PaperPulseConfig.defaults()
        .withBootstrapServers(stack.bootstrapServers())
        .withRegistryUrl(stack.registryUrl());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theSeedListingLandsAsFortySevenConfluentWireFormatRecords() throws Exception {
    String topic = uniqueTopic();
    Path seed = resource("listing/trending-mar21.txt");
    List<Paper> expected = parse(seed);

    PublishSummary summary = publish(topic, seed);

    assertThat(summary.published()).isEqualTo(47);
    assertThat(summary.complete()).isTrue();
    List<ConsumerRecord<String, byte[]>> records = consumeAll(topic, 47);
    assertThat(records).hasSize(47);
    Map<String, Paper> byId = expected.stream().collect(Collectors.toMap(Paper::getId, p -> p));
    Map<Integer, Schema> schemas = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      byte[] value = record.value();
      assertThat(value[0]).as("magic byte").isEqualTo((byte) 0);
      int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
      Schema schema = schemas.computeIfAbsent(schemaId, PublishIT::schemaFromRegistry);
      GenericRecord decoded =
          new GenericDatumReader<GenericRecord>(schema)
              .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
      Paper paper = byId.get(record.key());
      assertThat(paper).as("paper with key %s", record.key()).isNotNull();
      assertThat(decoded.get("id").toString()).isEqualTo(record.key());
      assertThat(decoded.get("title").toString()).isEqualTo(paper.getTitle());
      assertThat(decoded.get("abstract").toString()).isEqualTo(paper.getAbstract$());
      assertThat(decoded.get("source").toString()).isEqualTo("LISTING");
      assertThat(record.timestamp()).isEqualTo(paper.getPublished().toEpochMilli());
    }
    assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    assertThat(schemas).hasSize(1);
    String subjects = get(config.confluentApiUrl() + "/subjects");
    assertThat(subjects).contains("\"" + topic + "-value\"");
    // One self-contained schema: nested types are not split into registry subjects of their own.
    assertThat(subjects).doesNotContain("io.paperpulse.avro.");
  }

  @Test
  void confluentsNodeDeserializerReadsOurRecords() throws Exception {
    String topic = uniqueTopic();
    Path seed = resource("listing/trending-mar21.txt");
    publish(topic, seed);
    List<Paper> expected = parse(seed);

    List<JsonNode> messages = NodeInterop.consume(REPO, config.bootstrapServers(), config.confluentApiUrl(), topic, 47);

    assertThat(messages).hasSize(47);
    assertThat(messages).allSatisfy(m -> assertThat(m.get("magic").asInt()).isZero());
    assertThat(messages).extracting(m -> m.get("key").asText())
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Paper::getId).toList());
    assertThat(messages).extracting(m -> m.at("/value/title").asText())
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Paper::getTitle).toList());
    assertThat(messages).allSatisfy(m ->
        assertThat(m.at("/value/id").asText()).isEqualTo(m.get("key").asText()));
  }

  @Test
  void everyFeedFormatPublishesAndTheCountsAddUp() throws Exception {
    String topic = uniqueTopic();
    List<Path> files = FeedReader.expand(List.of(resource("")));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    PublishSummary summary = publish(topic, files, errors);

    // The seed's 47 + daily 40 + 40 (same ids a day later) + atom 1+1+10+10 + hf 13+17+26+9 + oai 25,
    // and the arXiv API error feed, reported as one rejected input.
    assertThat(summary.read()).isEqualTo(47 + 80 + 22 + 65 + 25 + 1);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.duplicates()).isEqualTo(40);
    assertThat(summary.published()).isEqualTo(summary.read() - 1 - 40);
    assertThat(summary.complete()).isTrue();
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains("error-incorrect-id.xml:9: the arXiv API returned an error: incorrect id format for abc");
    assertThat(consumeAll(topic, (int) summary.published())).hasSize((int) summary.published());
  }

  @Test
  void aBrokerThatCannotBeReachedIsReportedNeverDroppedInSilence() throws Exception {
    PaperPulseConfig dead =
        PaperPulseConfig.load(
                null,
                Map.of(
                    "KAFKA_MAX_BLOCK_MS", "1500",
                    "KAFKA_DELIVERY_TIMEOUT_MS", "3000",
                    "KAFKA_REQUEST_TIMEOUT_MS", "1000"))
            .withBootstrapServers("127.0.0.1:" + io.paperpulse.stack.Ports.free())
            .withRegistryUrl(stack.registryUrl());
    Path file = resource("arxiv-api/single-2104.12255v1.xml");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    PublishSummary summary;
    try (PaperPublisher publisher = PaperPublisher.create(dead, uniqueTopic(), "dead-broker-test")) {
      summary = new PublishJob(reader(), publisher, new PrintStream(errors, true), Progress.none())
          .publish(List.of(file));
    }

    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.published()).isZero();
    assertThat(summary.complete()).isFalse();
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .startsWith(file + ":10: paper 2104.12255 not published: ");
  }

  private static PublishSummary publish(String topic, Path file) throws Exception {
    return publish(topic, List.of(file), new ByteArrayOutputStream());
  }

  private static PublishSummary publish(String topic, List<Path> files, ByteArrayOutputStream errors)
      throws Exception {
    TopicSetup.ensureNames(config, List.of(topic));
    try (PaperPublisher publisher = PaperPublisher.create(config, topic, "publish-it")) {
      return new PublishJob(reader(), publisher, new PrintStream(errors, true), Progress.none()).publish(files);
    }
  }

  private static FeedReader reader() {
    return new FeedReader(ParseOptions.defaults().withYear(2025));
  }

  private static List<Paper> parse(Path file) throws Exception {
    List<Paper> papers = new ArrayList<>();
    reader().read(file, new io.paperpulse.producer.feed.ParseListener() {
      @Override
      public void paper(Paper paper, String location) {
        papers.add(paper);
      }

      @Override
      public void rejected(io.paperpulse.producer.feed.Rejection rejection) {
        throw new AssertionError(rejection.toString());
      }
    });
    return papers;
  }

  private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int expected) throws Exception {
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Deadline.await(Duration.ofSeconds(60), () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= expected;
      }, () -> false);
      // One more poll: nothing beyond what was expected may arrive.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }

  private static Schema schemaFromRegistry(int id) {
    try {
      JsonNode body = JSON.readTree(get(config.confluentApiUrl() + "/schemas/ids/" + id));
      return new Schema.Parser().parse(body.get("schema").asText());
    } catch (Exception e) {
      throw new AssertionError("schema " + id + " not readable from the registry", e);
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
    return response.body();
  }

  private static String uniqueTopic() {
    return "papers-it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(PublishIT.class.getResource("/feeds/" + name).toURI());
  }
}
