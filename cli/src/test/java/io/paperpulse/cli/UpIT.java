package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.Ports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code ./paperpulse up} as a user would: the real script, a real broker and registry. */
class UpIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  /** How long {@code up} may take to stop: it took 32 s when the broker stopped with it. */
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);

  /** A running {@code paperpulse up} and everything it printed. */
  private record Up(Process process, List<String> output, Thread reader) {}

  @Test
  void upPublishesTheSampleStopsCleanlyAndASecondUpKeepsTheData(@TempDir Path dataDir) throws Exception {
    Map<String, String> ports = freePorts();
    String bootstrap = "127.0.0.1:" + ports.get("PAPERPULSE_KAFKA_PORT");

    Up first = start(dataDir, ports);
    assertThat(first.output()).anySatisfy(l -> assertThat(l).contains("47 papers from the bundled sample"));
    assertThat(first.output()).anySatisfy(l -> assertThat(l).contains(bootstrap));
    assertThat(distinctKeys(bootstrap, 47)).hasSize(47);
    String subjects = "http://localhost:" + ports.get("PAPERPULSE_HTTP_PORT") + "/api/subjects?window=P7D";
    assertThat(Deadline.await(Duration.ofSeconds(60), () -> get(subjects).contains("\"total\" : 47"), () -> false))
        .as("the streams app counted the 47 sample papers; %s answers %s", subjects, get(subjects)).isTrue();
    assertThat(get("http://localhost:" + ports.get("PAPERPULSE_HTTP_PORT") + "/")).contains("<title>PaperPulse</title>");
    assertThat(get("http://localhost:" + ports.get("PAPERPULSE_HTTP_PORT") + "/metrics"))
        .contains("paperpulse_papers_enriched_total", "paperpulse_digests_sent_total", "paperpulse_digests_send_failures_total");
    stop(first);
    assertThat(first.output()).contains("Stopped.");
    assertThat(first.output()).anySatisfy(l -> assertThat(l).contains("Daily digests go to", dataDir.resolve("digests.txt").toString()));

    Up second = start(dataDir, ports);
    assertThat(second.output()).anySatisfy(l -> assertThat(l).contains("the bundled sample, published when this data directory was new"));
    assertThat(distinctKeys(bootstrap, 47)).hasSize(47);
    assertThat(records(bootstrap)).as("the sample, not published again").isEqualTo(47);
    stop(second);
  }

  @Test
  void ctrlCRightAfterUpStopsItsBrokerRegistryAndAppWithinSeconds(@TempDir Path dataDir) throws Exception {
    Up up = start(dataDir, freePorts());
    List<ProcessHandle> servers = up.process().descendants().toList();
    try {
      // Ctrl-C in a terminal signals the whole process group at once: up, its broker and its registry,
      // while the app is still processing the sample it has just published.
      up.process().toHandle().destroy();
      servers.forEach(ProcessHandle::destroy);

      assertThat(up.process().waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
          .as("up stopped within %s of the signal; it printed:%n%s", STOP_DEADLINE, String.join("\n", up.output()))
          .isTrue();
      up.reader().join(10_000);
      List<String> output = up.output();
      List<String> stopping = output.subList(output.indexOf("Stopping PaperPulse ..."), output.size());
      assertThat(stopping).as("what up printed while stopping").last().isEqualTo("Stopped.");
      assertThat(stopping).as("what up printed while stopping")
          .noneMatch(l -> l.contains("null") || l.contains("Exception") || l.contains("summary not available") || l.startsWith("\tat "));
      assertThat(Deadline.await(Duration.ofSeconds(30), () -> servers.stream().noneMatch(ProcessHandle::isAlive), () -> false))
          .as("the broker and registry stopped").isTrue();
    } finally {
      up.process().destroyForcibly();
      servers.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static Map<String, String> freePorts() {
    return Map.of(
        "PAPERPULSE_KAFKA_PORT", String.valueOf(Ports.free()),
        "PAPERPULSE_CONTROLLER_PORT", String.valueOf(Ports.free()),
        "PAPERPULSE_REGISTRY_PORT", String.valueOf(Ports.free()),
        "PAPERPULSE_REGISTRY_MANAGEMENT_PORT", String.valueOf(Ports.free()),
        "PAPERPULSE_HTTP_PORT", String.valueOf(Ports.free()));
  }

  private static Up start(Path dataDir, Map<String, String> ports, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(REPO.resolve("paperpulse").toString(), "up", "--data-dir", dataDir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(ports);
    builder.environment().put("PAPERPULSE_SKIP_BUILD", "1");
    Process process = builder.start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          output.add(line);
        }
      } catch (java.io.IOException ignored) {
        // The process ended; what it printed is in output.
      }
    });
    reader.setDaemon(true);
    reader.start();
    boolean up = Deadline.await(Duration.ofMinutes(3), () -> output.contains(UpCommand.READY_LINE), () -> !process.isAlive());
    assertThat(up).as("paperpulse up became ready; it printed:\n%s", String.join("\n", output)).isTrue();
    return new Up(process, output, reader);
  }

  private static void stop(Up up) throws Exception {
    List<ProcessHandle> servers = up.process().descendants().toList();
    assertThat(servers).as("the broker and the registry run as child processes").hasSize(2);
    // SIGTERM, as a service manager sends; Process.destroy() would also close our end of its output.
    up.process().toHandle().destroy();
    assertThat(up.process().waitFor(90, TimeUnit.SECONDS)).as("up stopped after SIGTERM").isTrue();
    assertThat(servers).as("the broker and registry stopped with it").noneMatch(ProcessHandle::isAlive);
    up.reader().join(10_000); // the rest of its output, up to end of stream
  }

  private static String get(String url) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
              java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  /** Records on {@code papers}: the sum of its partitions' end offsets. */
  private static long records(String bootstrap) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      return consumer.endOffsets(partitions(consumer)).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Set<String> distinctKeys(String bootstrap, int expected) throws Exception {
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Deadline.await(Duration.ofSeconds(60), () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
        return keys.size() >= expected;
      }, () -> false);
    }
    return keys;
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    return consumer.partitionsFor("papers").stream().map(p -> new TopicPartition("papers", p.partition())).toList();
  }
}
