package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveSummaryTest {
  private static final String SUBJECTS = "{\"total\": 1283, \"topics\": [{\"topic\": \"Computer Vision\", \"count\": 621}]}";
  private static final String ALERTS = "{\"alerts\": [{\"label\": \"entity recognition\", \"day\": \"2026-06-18T00:00:00Z\"}]}";
  private static final String QUIET_WEEK = "{\"day\": \"2026-07-01\", \"tested\": 345, \"keywords\": []}";
  private static final String FOUR_WEEKS =
      "{\"day\": \"2026-07-01\", \"tested\": 1597, \"keywords\": ["
          + "{\"label\": \"DeepSeek-V4\", \"count\": 12, \"ratio\": 7.5},"
          + "{\"label\": \"GPT-5.5\", \"count\": 36, \"ratio\": 4.7}]}";

  @Test
  void aQuietWeekSaysHowManyWereTestedAndWhatRoseOverFourWeeks() throws Exception {
    String summary = summaryOf(Map.of(
        "/api/subjects", SUBJECTS, "/api/alerts", ALERTS,
        "P7D", QUIET_WEEK, "P28D&limit=5&day=2026-07-01", FOUR_WEEKS));

    assertThat(summary).contains(
        "   rising this week:  none of 345 keywords tested rose clearly; over 4 weeks: DeepSeek-V4 (12 papers, 7.5x), GPT-5.5 (36 papers, 4.7x)\n");
    assertThat(summary).contains("-- 1283 papers in the last 7 days\n", "Computer Vision 621", "entity recognition on 2026-06-18");
  }

  @Test
  void aWeekWithRisersListsThemAndNothingElse() throws Exception {
    String summary = summaryOf(Map.of(
        "/api/subjects", SUBJECTS, "/api/alerts", ALERTS,
        "P7D", "{\"day\": \"2026-06-10\", \"tested\": 466, \"keywords\": [{\"label\": \"Qwen3.6\", \"count\": 5, \"ratio\": 7.5, \"emerging\": true}]}",
        "P28D", FOUR_WEEKS));

    assertThat(summary).contains("   rising this week:  Qwen3.6 (5 papers, 7.5x, new)\n").doesNotContain("DeepSeek-V4");
  }

  @Test
  void beforeAnyKeywordIsTestedNothingRisesYet() throws Exception {
    String summary = summaryOf(Map.of(
        "/api/subjects", SUBJECTS, "/api/alerts", "{\"alerts\": []}",
        "P7D", "{\"day\": \"\", \"keywords\": []}", "P28D", FOUR_WEEKS));

    assertThat(summary).contains("   rising this week:  none yet\n", "   recent alerts:     none\n");
  }

  @Test
  void subjectsCountedBeforeEveryPartHasTheirDaysAreNotCalledZeroPapers() throws Exception {
    String summary = summaryOf(Map.of(
        "/api/subjects", "{\"total\": 0, \"topics\": [{\"topic\": \"Computer Vision\", \"count\": 362, \"share\": null}]}",
        "/api/alerts", "{\"alerts\": []}", "P7D", "{\"day\": \"\", \"keywords\": []}"));

    assertThat(summary).contains("-- the last 7 days' papers still being counted\n", "Computer Vision 362").doesNotContain("0 papers");
  }

  @Test
  void whileTheAppReadsABacklogTheFirstLineSaysHowMuchIsLeft() throws Exception {
    Map<String, String> answers = Map.of(
        "/api/subjects", SUBJECTS, "/api/alerts", ALERTS, "P7D", QUIET_WEEK, "P28D&limit=5&day=2026-07-01", FOUR_WEEKS);

    assertThat(summaryOf(answers, 12_345)).startsWith("-- catching up, 12,345 records still to read; so far 1283 papers in the last 7 days\n")
        .contains("   rising this week:  listed once caught up\n");
    assertThat(summaryOf(answers, 0)).startsWith("-- 1283 papers in the last 7 days\n").contains("DeepSeek-V4");
  }

  private static String summaryOf(Map<String, String> answers) throws Exception {
    return summaryOf(answers, -1);
  }

  /** The summary of an API that answers each request with the body of the first key its URI contains. */
  private static String summaryOf(Map<String, String> answers, long backlog) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String uri = exchange.getRequestURI().toString();
      String body = answers.entrySet().stream()
          .filter(e -> uri.contains(e.getKey()))
          .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
          .map(Map.Entry::getValue)
          .orElse("{\"error\": \"no answer for " + uri + "\"}");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(body.startsWith("{\"error\"") ? 404 : 200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    try {
      return LiveSummary.summary(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.getAddress().getPort(), backlog);
    } finally {
      server.stop(0);
    }
  }
}
