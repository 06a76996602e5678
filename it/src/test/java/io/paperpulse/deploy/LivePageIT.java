package io.paperpulse.deploy;

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
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.stack.Ports;
import io.paperpulse.streams.analytics.AnalyticsSettings;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page the streams app serves at {@code /}, loaded in headless Chromium (Debian's) against
 * the running stack: it must lead with the trending papers (provisional while their day is open), then
 * the keywords rising this week (or say that none rises yet), with its window selector, show the real
 * subjects and the watch form, and it keeps a screenshot in {@code it/target/live-page.png}.
 * Then a week of real daily listings closes days: the page, linked to its 7-day window, lists the
 * API's final ranking in its order, and keeps {@code target/live-page-papers.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePageIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalStack stack;
  private static PaperPulseStreams app;
  private static PaperPulseConfig config;
  private static String page;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(REPO)), System.getenv());
    config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
    int port = Ports.free();
    app = PaperPulseStreams.start(config, new PaperPulseStreams.Settings("live-page-it", dir.resolve("state"), "localhost", port, 1),
        AnalyticsSettings.defaults());
    assertThat(app.awaitRunning(Duration.ofMinutes(2))).isTrue();
    page = "http://localhost:" + port;
    publish(List.of(REPO.resolve("cli/src/main/resources/samples/trending-papers-2025-03-21.txt")));
    assertThat(Deadline.await(Duration.ofMinutes(2), () -> get("/api/subjects?window=P7D").path("total").asLong() == 47, () -> false))
        .as("the 47 sample papers counted").isTrue();
  }

  private static void publish(List<Path> files) throws Exception {
    try (PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), "live-page-it")) {
      new PublishJob(new FeedReader(ParseOptions.defaults().withYear(2025)), publisher, new PrintStream(new ByteArrayOutputStream()), Progress.none())
          .publish(files);
    }
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
    return chromiumAt("/", extra);
  }

  /** Runs headless Chromium on the page at {@code path}; returns what it printed. */
  private static String chromiumAt(String path, String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--window-size=1280,1100",
        "--virtual-time-budget=15000"));
    command.addAll(List.of(extra));
    command.add(page + path);
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

  /** The labels of the API's rising keywords of the week, in its order; empty when none rises. */
  private static List<String> risingLabels() {
    JsonNode trending = get("/api/keywords/trending?window=P7D&limit=20");
    assertThat(trending.has("keywords")).as("trending answer %s", trending).isTrue();
    List<String> labels = new ArrayList<>();
    trending.path("keywords").forEach(k -> labels.add(k.path("label").asText()));
    return labels;
  }

  /** Text as Chromium serializes it inside an element. */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Text as Chromium serializes it inside a double-quoted attribute. */
  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace("\"", "&quot;");
  }

  @Test
  @Order(1)
  void thePageLeadsWithTheRisingKeywordsAndShowsTheRealSubjectsAndAForm() throws Exception {
    // The keyword days of the sample (2025-03-21) are counted: the trending answer names that day.
    assertThat(Deadline.await(Duration.ofMinutes(2),
        () -> !get("/api/keywords/trending?window=P7D").path("day").asText().isEmpty(), () -> false))
        .as("the trending keywords know the sample's day").isTrue();
    assertThat(Deadline.await(Duration.ofMinutes(1),
        () -> get("/api/papers/trending?window=P1D").path("rankingSize").asInt() == 47, () -> false))
        .as("the sample's 47 papers listed provisionally").isTrue();
    // The page and the test read the same answer: retry when the rising list changed meanwhile.
    List<String> labels = risingLabels();
    String dom = chromium("--dump-dom");
    for (int i = 0; i < 3 && !labels.equals(risingLabels()); i++) {
      labels = risingLabels();
      dom = chromium("--dump-dom");
    }

    assertThat(dom).contains("data-loaded=\"true\"");
    assertThat(dom).as("the window's last day, not its exclusive end").contains("47 papers in the 7 days to 2025-03-21");
    // The trending papers lead; the sample's day is still open: its papers are listed provisionally.
    assertThat(dom.indexOf("id=\"papers-section\"")).isGreaterThan(0).isLessThan(dom.indexOf("id=\"rising-section\""));
    assertThat(dom).contains("Provisional: 2025-03-21 is still open");
    assertThat(dom).as("the seed page's 'Subscribe' under its papers").contains("id=\"subscribe-form\"", "Get trending papers in your email inbox");
    assertThat(dom.indexOf("id=\"subscribe-form\"")).isGreaterThan(dom.indexOf("id=\"papers\"")).isLessThan(dom.indexOf("id=\"rising-section\""));
    assertListed(dom, trendingTitles("P1D"));

    // "Rising this week" leads, with its window selector (the week chosen).
    assertThat(dom).contains("<h2 id=\"rising-title\">Rising this week</h2>");
    assertThat(dom.indexOf("id=\"rising-section\"")).isGreaterThan(0).isLessThan(dom.indexOf("id=\"subjects-section\""));
    assertThat(dom).contains("id=\"window-selector\"");
    assertThat(dom).containsPattern("<input type=\"radio\" id=\"window-P1D\" name=\"window\" value=\"P1D\">\\s*<label for=\"window-P1D\">day</label>");
    assertThat(dom).containsPattern("<input type=\"radio\" id=\"window-P7D\" name=\"window\" value=\"P7D\" checked=\"\">\\s*<label for=\"window-P7D\">week</label>");
    assertThat(dom).containsPattern("<input type=\"radio\" id=\"window-P28D\" name=\"window\" value=\"P28D\">\\s*<label for=\"window-P28D\">4 weeks</label>");

    // Whatever the API says rises is what the page shows: its labels, or the empty-state sentence,
    // which says how many keywords were tested once any was.
    JsonNode week = get("/api/keywords/trending?window=P7D");
    long tested = week.path("tested").asLong();
    String empty = tested > 0
        ? String.format(java.util.Locale.ENGLISH, "None of the %,d keywords tested rose clearly enough to list (q at most %s).",
            tested, week.path("maxQValue").asText())
        : "No keyword is rising yet: trends need a few weeks of papers.";
    if (labels.isEmpty()) {
      assertThat(dom).contains("<p id=\"rising-empty\" class=\"empty\">" + empty + "</p>");
      // A quiet week shows what rose over the 4 weeks to the same day, said as such, if anything did.
      JsonNode longer = get("/api/keywords/trending?window=P28D&limit=10&day=" + week.path("day").asText());
      if (tested == 0 || longer.path("keywords").isEmpty()) {
        assertThat(dom).doesNotContain("<li class=\"kw\"");
      } else {
        assertThat(dom).contains("<p id=\"rising-instead\" class=\"muted\">Rising over the 4 weeks "
            + longer.path("start").asText() + " to " + longer.path("day").asText() + " instead:</p>");
        for (JsonNode k : longer.path("keywords")) {
          assertThat(dom).contains("<span class=\"kw-label\">" + html(k.path("label").asText()) + "</span>");
        }
      }
    } else {
      assertThat(dom).contains("<p id=\"rising-instead\" class=\"muted\" hidden=\"\"></p>");
      assertThat(dom).contains("<p id=\"rising-empty\" class=\"empty\" hidden=\"\">" + empty + "</p>");
      for (String label : labels) {
        assertThat(dom).contains("<span class=\"kw-label\">" + html(label) + "</span>");
      }
    }

    // The API's real subjects (under the key "topics"), drawn and in the legend; windows still
    // filling are marked provisional.
    JsonNode subjects = get("/api/subjects?window=P7D").path("topics");
    assertThat(subjects.size()).isPositive();
    boolean open = false;
    for (int i = 0; i < Math.min(5, subjects.size()); i++) {
      String subject = subjects.get(i).path("topic").asText();
      assertThat(dom).contains(html(subject + ": " + subjects.get(i).path("count").asLong()));
      assertThat(dom).contains("data-subject=\"" + attribute(subject) + "\"");
      for (JsonNode point : get("/api/subjects/" + java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20")
          + "/series?window=P7D").path("series")) {
        open |= !point.path("final").asBoolean(true);
      }
    }
    if (open) {
      assertThat(dom).contains("still filling (provisional)");
      assertThat(dom).contains("class=\"dot provisional\"");
    }

    assertThat(dom).contains("id=\"watch-form\"");
  }

  @Test
  @Order(2)
  void aScreenshotIsKeptAsATestArtifact() throws Exception {
    Path screenshot = Path.of("target/live-page.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);

    chromium("--screenshot=" + screenshot);

    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  /** The titles are listed in the trending papers' section, in their order. */
  private static void assertListed(String dom, List<String> titles) {
    assertThat(titles).hasSize(20);
    int at = dom.indexOf("id=\"papers-section\"");
    for (String title : titles) {
      int next = dom.indexOf("\">" + html(title) + "</a>", at);
      assertThat(next).as("'%s' listed after the paper before it", title).isGreaterThan(at);
      at = next;
    }
    assertThat(at).isLessThan(dom.indexOf("id=\"rising-section\""));
  }

  /** The titles of the API's trending papers of the latest day of the window, in its order. */
  private static List<String> trendingTitles(String window) {
    JsonNode trending = get("/api/papers/trending?limit=20&window=" + window);
    assertThat(trending.has("papers")).as("trending papers answer %s", trending).isTrue();
    List<String> titles = new ArrayList<>();
    trending.path("papers").forEach(p -> titles.add(p.path("title").asText()));
    return titles;
  }

  @Test
  @Order(3)
  void aWeekOfRealListingsClosesDaysAndThePageListsTheirTrendingPapers() throws Exception {
    try (var files = Files.list(REPO.resolve("it/src/test/resources/arxiv-week"))) {
      publish(files.sorted().toList());
    }
    assertThat(Deadline.await(Duration.ofMinutes(3), () -> {
      JsonNode week = get("/api/papers/trending?window=P7D");
      return week.path("final").asBoolean() && week.path("day").asText().startsWith("2025-04-");
    }, () -> false)).as("the final ranking of a closed day of the week's listings").isTrue();
    List<String> titles = trendingTitles("P7D");
    String dom = chromiumAt("/#papers=P7D", "--dump-dom");
    for (int i = 0; i < 3 && !titles.equals(trendingTitles("P7D")); i++) { // a later day may close meanwhile
      titles = trendingTitles("P7D");
      dom = chromiumAt("/#papers=P7D", "--dump-dom");
    }
    Path screenshot = Path.of("target/live-page-papers.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    chromiumAt("/#papers=P7D", "--screenshot=" + screenshot);

    assertThat(dom).contains("data-loaded=\"true\"");
    assertThat(dom).contains("<p id=\"papers-empty\" class=\"empty\" hidden=\"\">");
    assertThat(dom).contains("<p id=\"papers-provisional\" class=\"provisional\" hidden=\"\"></p>");
    assertListed(dom, titles);
    assertThat(dom).contains("href=\"https://arxiv.org/abs/");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }
}
