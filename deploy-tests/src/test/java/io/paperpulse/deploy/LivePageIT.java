package io.paperpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.producer.Topics;
import io.paperpulse.producer.config.PaperPulseConfig;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.Progress;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.stack.Ports;
import io.paperpulse.streams.AnalyticsSettings;
import io.paperpulse.streams.PaperPulseStreams;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page the streams app serves at {@code /}, loaded in headless Chromium (Debian's) against
 * the running stack: it must show the real trending keywords and topics, and it keeps a screenshot
 * in {@code deploy-tests/target/live-page.png}.
 */
class LivePageIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalStack stack;
  private static PaperPulseStreams app;
  private static String page;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(REPO)), System.getenv());
    PaperPulseConfig config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
    int port = Ports.free();
    app = PaperPulseStreams.start(config, new PaperPulseStreams.Settings("live-page-it", dir.resolve("state"), "localhost", port, 1),
        AnalyticsSettings.defaults());
    assertThat(app.awaitRunning(Duration.ofMinutes(2))).isTrue();
    page = "http://localhost:" + port;
    try (PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS, "live-page-it")) {
      new PublishJob(new FeedReader(ParseOptions.defaults().withYear(2025)), publisher, new PrintStream(new ByteArrayOutputStream()), Progress.none())
          .publish(List.of(REPO.resolve("cli/src/main/resources/samples/trending-papers-2025-03-21.txt")));
    }
    assertThat(Deadline.await(Duration.ofMinutes(2), () -> get("/api/topics?window=P7D").path("total").asLong() == 47, () -> false))
        .as("the 47 sample papers counted").isTrue();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static JsonNode get(String path) {
    try {
      return JSON.readTree(HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(page + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("error", e.toString());
    }
  }

  /** Runs headless Chromium on the page with the given extra arguments; returns what it printed. */
  private static String chromium(String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--window-size=1280,1100",
        "--virtual-time-budget=15000"));
    command.addAll(List.of(extra));
    command.add(page + "/");
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
    } catch (java.io.IOException e) {
      throw new AssertionError("chromium is not installed: run .ci/setup", e);
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void thePageShowsTheRealTrendingKeywordsTopicsAndAForm() throws Exception {
    String topKeyword = get("/api/keywords/trending?window=P1D&limit=15").at("/keywords/0/label").asText();
    String topTopic = get("/api/topics?window=P7D").at("/topics/0/topic").asText();
    assertThat(topKeyword).isNotBlank();

    String dom = chromium("--dump-dom");

    assertThat(dom).contains("data-loaded=\"true\"");
    assertThat(dom).contains("47 papers in the 7 days to 2025-03-22");
    assertThat(dom).contains("<td>" + topKeyword + "</td>");
    assertThat(dom).contains(topTopic + ": ");
    assertThat(dom).contains("data-topic=\"" + topTopic + "\"");
    assertThat(dom).contains("id=\"watch-form\"");
  }

  @Test
  void aScreenshotIsKeptAsATestArtifact() throws Exception {
    Path screenshot = Path.of("target/live-page.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    chromium("--screenshot=" + screenshot);

    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }
}
