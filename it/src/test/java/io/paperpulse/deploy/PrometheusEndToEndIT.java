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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PromQL expression of the dashboards and the alert rules, sent to a real Prometheus (Debian's)
 * that scrapes the real streams app on the real broker fed real listings: each must return data,
 * and a spike published on purpose must show the spike alert as firing.
 */
class PrometheusEndToEndIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SPIKE_WORDS = "quantum origami";

  @TempDir static Path dir;
  private static LocalStack stack;
  private static PaperPulseStreams app;
  private static Process prometheus;
  private static String prometheusUrl;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(REPO)), System.getenv());
    PaperPulseConfig config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
    int httpPort = Ports.free();
    app = PaperPulseStreams.start(config, new PaperPulseStreams.Settings("prometheus-it", dir.resolve("state"), "localhost", httpPort, 1),
        AnalyticsSettings.defaults());
    assertThat(app.awaitRunning(Duration.ofMinutes(2))).isTrue();
    prometheus = startPrometheus(httpPort);

    // Watch the keyword first, then publish real listings, on a later day a burst of it, and a
    // later day that closes the burst's day.
    HttpResponse<String> watch = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/api/watches/" + SPIKE_WORDS.replace(" ", "%20")))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"minCount\": 5, \"minScore\": 2, \"maxPValue\": 0.01, \"owner\": \"it\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(watch.statusCode()).as(watch.body()).isEqualTo(200);
    List<Path> files = new ArrayList<>(listings());
    files.add(burst(dir.resolve("2025-04-04.jsonl")));
    files.add(closingDay(dir.resolve("2025-04-06.jsonl")));
    try (PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), "prometheus-it")) {
      new PublishJob(new FeedReader(ParseOptions.defaults()), publisher, new PrintStream(new ByteArrayOutputStream()), Progress.none())
          .publish(files);
    }
  }

  /** Three days of real listings from ../shared/data, or the daily sample the project ships when that is absent. */
  private static List<Path> listings() {
    Path shared = REPO.resolve("../shared/data/arxiv-daily-cs/daily");
    List<Path> days = List.of(shared.resolve("2025-04-01.jsonl.gz"), shared.resolve("2025-04-02.jsonl.gz"), shared.resolve("2025-04-03.jsonl.gz"));
    if (days.stream().allMatch(Files::exists)) {
      return days;
    }
    return List.of(REPO.resolve("producer/src/test/resources/feeds/arxiv-daily/2025-03-18.jsonl"));
  }

  /** A day of papers, after the listings, where "quantum origami" stands in every title. */
  private static Path burst(Path file) throws Exception {
    return papers(file, 12, "2503.9%04d", "Quantum origami for folding problem %d", "quant-ph");
  }

  /**
   * Papers two days after the burst, on every partition: alerts are judged when a day closes, and
   * a day closes once every partition of papers has moved past its end plus the grace (one day).
   */
  private static Path closingDay(Path file) throws Exception {
    return papers(file, 30, "2504.8%04d", "Sparse graph sampling study %d", "cs.DS");
  }

  /** A JSON-lines listing of {@code count} papers, numbered into their id and title. */
  private static Path papers(Path file, int count, String id, String title, String category) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String t = String.format(title, i);
      lines.append(String.format(
          "{\"id\": \"%s\", \"title\": \"%s\", \"summary\": \"We study %s.\", \"authors\": [\"A\"], \"categories\": [\"%s\"]}%n",
          String.format(id, i), t, t.toLowerCase(java.util.Locale.ROOT), category));
    }
    Files.writeString(file, lines.toString());
    return file;
  }

  private static Process startPrometheus(int appPort) throws Exception {
    int port = Ports.free();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - " + REPO.resolve("prometheus/rules.yml").toAbsolutePath(),
        "scrape_configs:",
        "  - job_name: paperpulse",
        "    honor_labels: true",
        "    metrics_path: /metrics",
        "    static_configs:",
        "      - targets: ['127.0.0.1:" + appPort + "']",
        ""));
    Process process;
    try {
      process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
              "--web.listen-address=127.0.0.1:" + port)
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    } catch (java.io.IOException e) {
      throw new AssertionError("prometheus is not installed: run .ci/setup", e);
    }
    prometheusUrl = "http://127.0.0.1:" + port;
    assertThat(Deadline.await(Duration.ofSeconds(60), () -> status(prometheusUrl + "/-/ready") == 200, () -> !process.isAlive()))
        .as("prometheus ready; its log: %s", dir.resolve("prometheus.log")).isTrue();
    return process;
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor(20, TimeUnit.SECONDS);
    }
    if (app != null) {
      app.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /** Every expression of every dashboard panel, variable and annotation, by where it stands. */
  static Map<String, String> dashboardQueries() throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    try (var files = Files.list(REPO.resolve("grafana/dashboards"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode dashboard = JSON.readTree(file.toFile());
        String name = dashboard.path("title").asText();
        for (JsonNode panel : dashboard.path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            queries.put(name + " / panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(), target.path("expr").asText());
          }
        }
        for (JsonNode annotation : dashboard.path("annotations").path("list")) {
          queries.put(name + " / annotation '" + annotation.path("name").asText() + "'", annotation.path("expr").asText());
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
          Matcher values = Pattern.compile("label_values\\((.+),\\s*\\w+\\)").matcher(variable.path("definition").asText());
          if (values.matches()) {
            queries.put(name + " / variable '" + variable.path("name").asText() + "'", values.group(1));
          }
        }
      }
    }
    return queries;
  }

  /**
   * Every alert rule's expression with its threshold comparisons taken out, so it returns what the
   * rule watches whether or not it would fire (and NaN, such as a quantile over an idle minute,
   * counts as data).
   */
  static Map<String, String> ruleQueries() throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    String rules = Files.readString(REPO.resolve("prometheus/rules.yml"));
    Matcher rule = Pattern.compile("- alert: (\\w+)\\n(?:\\s+#.*\\n)*\\s+expr: (\\|\\n((?:\\s{10,}.*\\n)+)|(.*)\\n)").matcher(rules);
    while (rule.find()) {
      String expr = rule.group(3) != null ? rule.group(3) : rule.group(4);
      queries.put("rule " + rule.group(1), expr.strip().replaceAll("(>=|==|>|<=|<)\\s*-?[0-9.]+", ""));
    }
    return queries;
  }

  @Test
  void everyDashboardAndRuleQueryReturnsData() throws Exception {
    String keyword = String.join(" ", SPIKE_WORDS.split(" "));
    Map<String, String> queries = new LinkedHashMap<>(dashboardQueries());
    queries.putAll(ruleQueries());
    assertThat(queries).hasSizeGreaterThan(20);
    assertThat(ruleQueries()).hasSize(5);

    Map<String, String> empty = new LinkedHashMap<>();
    boolean all = Deadline.await(Duration.ofMinutes(3), () -> {
      empty.clear();
      queries.forEach((where, expr) -> {
        String query = expr.replace("$trend_window", "P7D").replace("$window", "P7D").replace("$keyword", keyword).replace("$__rate_interval", "1m");
        if (query(query).path("data").path("result").isEmpty()) {
          empty.put(where, query);
        }
      });
      return empty.isEmpty();
    }, () -> false);

    assertThat(all).as("queries that returned no data: %s", empty).isTrue();
  }

  @Test
  void theSpikePublishedOnPurposeFiresTheWatchedKeywordAlert() throws Exception {
    boolean firing = Deadline.await(Duration.ofMinutes(3), () -> {
      for (JsonNode alert : get(prometheusUrl + "/api/v1/alerts").path("data").path("alerts")) {
        if (alert.path("labels").path("alertname").asText().equals("WatchedKeywordSpike")
            && alert.path("labels").path("keyword").asText().equals("quantum origami")
            && alert.path("state").asText().equals("firing")) {
          return true;
        }
      }
      return false;
    }, () -> false);

    assertThat(firing).as("alerts: %s", get(prometheusUrl + "/api/v1/alerts")).isTrue();
  }

  private static JsonNode query(String promql) {
    return get(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  private static JsonNode get(String url) {
    try {
      return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    } catch (Exception e) {
      return JSON.createObjectNode().put("error", e.toString());
    }
  }

  private static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
