package io.paperpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.common.util.Causes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints a few lines of what the app sees, from its own HTTP API, every so often, until closed. Close
 * it before the app: once closed it prints nothing more, not even a failed request to a stopping API.
 */
final class LiveSummary implements AutoCloseable {
  private final Thread thread;

  private LiveSummary(Thread thread) {
    this.thread = thread;
  }

  /** {@code backlog}: records the app has still to read, -1 when not known. */
  static LiveSummary start(String api, PrintStream out, Duration every, LongSupplier backlog) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Thread thread = new Thread(() -> print(http, api, out, every, backlog), "paperpulse-summary");
    thread.setDaemon(true);
    thread.start();
    return new LiveSummary(thread);
  }

  private static void print(HttpClient http, String api, PrintStream out, Duration every, LongSupplier backlog) {
    String last = "";
    try {
      while (true) {
        String now = summary(http, api, backlog.getAsLong());
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        if (!now.equals(last)) {
          out.print(now);
          out.flush();
          last = now;
        }
        Thread.sleep(every.toMillis());
      }
    } catch (InterruptedException e) {
      // Closed: the app is stopping.
    }
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }

  /** The summary; while {@code backlog} records are still to be read, its first line says so. */
  static String summary(HttpClient http, String api, long backlog) throws InterruptedException {
    ObjectMapper json = new ObjectMapper();
    try {
      JsonNode subjects = get(http, json, api + "/api/subjects?window=P7D");
      JsonNode alerts = get(http, json, api + "/api/alerts?limit=3");
      List<String> top = new ArrayList<>();
      for (JsonNode t : subjects.path("topics")) { // the subjects keep their JSON keys "topics" and "topic"
        if (top.size() < 5) {
          top.add(t.path("topic").asText() + " " + t.path("count").asLong());
        }
      }
      // While catching up, the week's list would be of a day long past, and judging it costs the
      // app CPU that the backlog needs (a twentieth of a replay's).
      String rising = backlog > 0 ? "listed once caught up" : rising(http, json, api);
      List<String> recent = new ArrayList<>();
      for (JsonNode a : alerts.path("alerts")) {
        recent.add(a.path("label").asText() + " on " + a.path("day").asText().substring(0, 10));
      }
      long total = subjects.path("total").asLong();
      // A total of 0 beside counted subjects: some part of the analytics has not reached these days yet.
      String papers = total > 0 || top.isEmpty() ? total + " papers in the last 7 days" : "the last 7 days' papers still being counted";
      String catchingUp = backlog > 0
          ? String.format(Locale.ROOT, "catching up, %,d records still to read; so far ", backlog) : "";
      return "-- " + catchingUp + papers + "\n"
          + "   top subjects:      " + (top.isEmpty() ? "none yet" : String.join(", ", top)) + "\n"
          + "   rising this week:  " + (rising.isEmpty() ? "none yet" : rising) + "\n"
          + "   recent alerts:     " + (recent.isEmpty() ? "none" : String.join(", ", recent)) + "\n";
    } catch (IOException | RuntimeException e) {
      return "-- summary not available yet: " + Causes.message(e) + "\n";
    }
  }

  /** The week's risers; in a quiet week, how many keywords were tested and the 4 weeks' risers. */
  private static String rising(HttpClient http, ObjectMapper json, String api) throws IOException, InterruptedException {
    JsonNode trending = get(http, json, api + "/api/keywords/trending?window=P7D&limit=5");
    String rising = String.join(", ", risers(trending));
    long tested = trending.path("tested").asLong();
    if (rising.isEmpty() && tested > 0) {
      // A quiet week: what rose over the 4 weeks to the same day, said as such.
      JsonNode longer = get(http, json, api + "/api/keywords/trending?window=P28D&limit=5&day=" + trending.path("day").asText());
      List<String> longerRisers = risers(longer);
      rising = "none of " + tested + " keywords tested rose clearly"
          + (longerRisers.isEmpty() ? "" : "; over 4 weeks: " + String.join(", ", longerRisers));
    }
    return rising;
  }

  private static List<String> risers(JsonNode trending) {
    List<String> out = new ArrayList<>();
    for (JsonNode k : trending.path("keywords")) {
      out.add(String.format(Locale.ROOT, "%s (%d papers, %.1fx%s)", k.path("label").asText(), k.path("count").asLong(),
          k.path("ratio").asDouble(), k.path("emerging").asBoolean() ? ", new" : ""));
    }
    return out;
  }

  private static JsonNode get(HttpClient http, ObjectMapper json, String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(body.path("error").asText("HTTP " + response.statusCode()));
    }
    return body;
  }
}
