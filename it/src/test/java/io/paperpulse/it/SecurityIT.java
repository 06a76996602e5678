package io.paperpulse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.KafkaBroker;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.stack.Ports;
import io.paperpulse.stack.SchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security basics on real processes: publish and the streams app through a SASL_PLAINTEXT listener
 * of the local broker, configured only through the environment; the password never appears in
 * anything they print, even with logging at info; a wrong password is refused with a clear error;
 * and the HTTP API refuses bad input with 4xx answers that say why.
 */
class SecurityIT {
  private static final String PASSWORD = "pp-Alice-7f3c9e";
  private static final String WRONG = "pp-Wrong-0b1d2a";
  private static final Path WEEK = AppProcess.REPO.resolve("it/src/test/resources/arxiv-week");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static KafkaBroker broker;
  private static SchemaRegistry registry;
  private static String saslBootstrap;

  @BeforeAll
  static void start() throws Exception {
    int plain = Ports.free();
    int sasl = Ports.free();
    int controller = Ports.free();
    saslBootstrap = "127.0.0.1:" + sasl;
    List<String> listeners = List.of(
        "listeners=PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://" + saslBootstrap + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://" + saslBootstrap,
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
        "sasl.enabled.mechanisms=PLAIN",
        "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"admin\" password=\"admin-pw\" user_admin=\"admin-pw\" user_alice=\"" + PASSWORD + "\";");
    broker = KafkaBroker.start(dir.resolve("kafka"), plain, controller, listeners);
    registry = SchemaRegistry.start(
        dir.resolve("registry"), LocalStack.defaultRegistryDist(AppProcess.REPO), Ports.free(), Ports.free(), System.getenv());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static Map<String, String> env(String password) {
    Map<String, String> env = new HashMap<>();
    env.put("PAPERPULSE_BOOTSTRAP_SERVERS", saslBootstrap);
    env.put("PAPERPULSE_REGISTRY_URL", registry.url());
    env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
    env.put("KAFKA_SASL_MECHANISM", "PLAIN");
    env.put("KAFKA_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"" + password + "\";");
    env.put("PAPERPULSE_LOG_LEVEL", "info");
    return env;
  }

  @Test
  void publishAndTheStreamsAppWorkOverSaslAndNeverPrintThePassword() throws Exception {
    try (AppProcess publish = AppProcess.start(env(PASSWORD), "publish", WEEK.toString())) {
      assertThat(publish.awaitExit(Duration.ofMinutes(3))).as(publish.output()).isZero();
      assertThat(publish.output()).contains("1,071 published").contains("sasl.jaas.config = [hidden]");
      assertThat(publish.output()).doesNotContain(PASSWORD);
    }
    int port = Ports.free();
    try (AppProcess app = AppProcess.start(env(PASSWORD), "streams", "--application-id", "sasl",
        "--state-dir", dir.resolve("state").toString(), "--http-port", String.valueOf(port))) {
      assertThat(app.awaitLine("Streams app running", Duration.ofMinutes(2))).as(app.output()).isTrue();
      String metrics = "http://localhost:" + port + "/metrics";
      assertThat(Deadline.await(Duration.ofMinutes(2), () -> get(metrics).body().contains("paperpulse_papers_enriched_total{")
          && get(metrics).body().lines().anyMatch(l -> l.startsWith("paperpulse_papers_enriched_total{") && l.endsWith(" 1071.0")),
          () -> !app.alive())).as("all 1,071 papers enriched over SASL").isTrue();

      apiRefusesBadInput("http://localhost:" + port);

      assertThat(app.stop()).isIn(0, 143);
      assertThat(app.output()).contains("sasl.jaas.config=[hidden]");
      assertThat(app.output()).as("everything the streams app printed").doesNotContain(PASSWORD);
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithAnAuthenticationError() throws Exception {
    try (AppProcess publish = AppProcess.start(env(WRONG), "publish", WEEK.toString())) {
      int code = publish.awaitExit(Duration.ofMinutes(2));
      assertThat(code).as(publish.output()).isNotZero().isNotEqualTo(-1);
      assertThat(publish.output()).containsIgnoringCase("authentication failed");
      assertThat(publish.output()).doesNotContain(WRONG);
    }
  }

  /** Each bad request gets its 4xx and a message saying what is wrong; the app goes on. */
  private static void apiRefusesBadInput(String base) throws Exception {
    Map<String, Integer> bad = new java.util.LinkedHashMap<>();
    bad.put("GET /api/subjects?window=P2D", 400);
    bad.put("GET /api/keywords/trending?limit=0", 400);
    bad.put("GET /api/keywords/trending?limit=abc", 400);
    bad.put("GET /api/keywords/trending?day=yesterday", 400);
    bad.put("GET /api/alerts?limit=100000", 400);
    bad.put("GET /api/nothing", 404);
    bad.put("POST /api/subjects", 405);
    bad.put("GET /../../etc/passwd", 404);
    bad.put("PUT /api/watches/graph {\"minCount\": -3}", 400);
    bad.put("PUT /api/watches/graph {\"maxPValue\": 7}", 400);
    bad.put("PUT /api/watches/graph [1, 2]", 400);
    bad.put("PUT /api/watches/graph {not json", 400);
    bad.put("PUT /api/watches/graph " + "{\"owner\": \"" + "x".repeat(20_000) + "\"}", 413);
    bad.put("PUT /api/watches/" + "w".repeat(1_000) + " {}", 400);
    bad.put("PUT /api/watches/%20%20 {}", 400);
    for (Map.Entry<String, Integer> request : bad.entrySet()) {
      String[] parts = request.getKey().split(" ", 3);
      HttpRequest.BodyPublisher body = parts.length > 2 ? HttpRequest.BodyPublishers.ofString(parts[2]) : HttpRequest.BodyPublishers.noBody();
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(base + parts[1])).method(parts[0], body).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      String shown = request.getKey().length() > 80 ? request.getKey().substring(0, 80) + "..." : request.getKey();
      assertThat(response.statusCode()).as("%s answered %s", shown, response.body()).isEqualTo(request.getValue());
      assertThat(JSON.readTree(response.body()).path("error").asText()).as(shown).isNotBlank();
    }
    assertThat(get(base + "/api/subjects?window=P7D").statusCode()).as("the API still answers").isEqualTo(200);
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(url + ": " + e, e);
    }
  }
}
