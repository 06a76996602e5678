package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.AppMetrics;
import io.paperpulse.streams.Counters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP layer on its own: a real server on an ephemeral port over fake backends, no broker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {
  private final FakeBackends backends = new FakeBackends();
  private AppMetrics metrics;
  private ApiServer server;
  private ApiClient client;

  @BeforeEach
  void forgetTheCalls() {
    backends.reset();
  }

  @BeforeAll
  void start() {
    metrics = new AppMetrics("paperpulse", "localhost:0", new Counters(), Duration.ZERO);
    AppMetrics.StateView empty = new AppMetrics.StateView() {
      @Override
      public Map<Long, TopicDayCounts> subjectDays() {
        return Map.of();
      }

      @Override
      public List<KeywordTrend> keywordTrends() {
        return List.of();
      }
    };
    server = new ApiServer(0, ApiRoutes.table(backends, backends, new MetricsEndpoint(metrics, () -> empty), backends.subscriptionApi, backends::papers, () -> Health.of(KafkaStreams.State.RUNNING, 2)), List.of());
    server.start();
    client = new ApiClient(server.port());
  }

  @AfterAll
  void stop() {
    server.close();
    metrics.close();
  }

  @Test
  void subjectsAnswerTheWindowAskedForAndP7dByDefault() throws Exception {
    JsonNode body = ApiClient.json(ok(client.get("/api/subjects?window=P30D")));
    ok(client.get("/api/subjects"));

    assertThat(backends.calls).containsExactly("subjects 30", "subjects 7");
    assertThat(body.fieldNames()).toIterable().as("the JSON keys kept for existing clients")
        .containsExactly("window", "start", "end", "total", "topics");
    assertThat(body.path("window").asText()).isEqualTo("P30D");
    assertThat(body.path("topics").get(0).fieldNames()).toIterable().containsExactly("topic", "count", "share");
    assertThat(body.path("topics").get(0).path("topic").asText()).isEqualTo("Machine Learning");
    assertThat(body.path("topics").get(0).path("share").asDouble()).isEqualTo(0.4);
  }

  @Test
  void aSubjectSeriesDecodesItsSubjectAndHasP1dByDefault() throws Exception {
    JsonNode body = ApiClient.json(ok(client.get("/api/subjects/Machine%20Learning/series")));

    assertThat(backends.calls).containsExactly("series Machine Learning, 1");
    assertThat(body.fieldNames()).toIterable().containsExactly("topic", "window", "series");
    assertThat(body.path("topic").asText()).isEqualTo("Machine Learning");
    assertThat(body.path("series").get(0).path("final").isBoolean()).isTrue();
    assertThat(body.path("series").get(0).has("closed")).isFalse();
  }

  @Test
  void aSubjectIsFoundWhateverItsCaseAndAnUnknownOneIsNotFound() throws Exception {
    JsonNode body = ApiClient.json(ok(client.get("/api/subjects/computer%20vision/series")));
    HttpResponse<String> unknown = client.get("/api/subjects/Zoology/series");

    assertThat(backends.calls).containsExactly("series Computer Vision, 1");
    assertThat(body.path("topic").asText()).isEqualTo("Computer Vision");
    assertError(unknown, 404, "no subject 'Zoology'");
  }

  @Test
  void theTopicRoutesAreAliasesThatAnswerAsTheSubjectRoutes() throws Exception {
    String subjects = ok(client.get("/api/subjects?window=P30D")).body();
    String topics = ok(client.get("/api/topics?window=P30D")).body();
    String subjectSeries = ok(client.get("/api/subjects/Machine%20Learning/series?window=P7D")).body();
    String topicSeries = ok(client.get("/api/topics/Machine%20Learning/series?window=P7D")).body();

    assertThat(topics).isEqualTo(subjects);
    assertThat(topicSeries).isEqualTo(subjectSeries);
    assertThat(backends.calls).containsExactly(
        "subjects 30", "subjects 30", "series Machine Learning, 7", "series Machine Learning, 7");
    assertError(client.get("/api/topics?window=P2D"), 400, "window");
  }

  @Test
  void trendingTakesWindowDayAndLimit() throws Exception {
    ok(client.get("/api/keywords/trending"));
    JsonNode body = ApiClient.json(ok(client.get("/api/keywords/trending?window=P28D&day=1970-01-11&limit=500")));

    assertThat(backends.calls).containsExactly("trending P7D, null, 20", "trending P28D, 10, 500");
    assertThat(body.fieldNames()).toIterable().containsExactly("window", "day", "final", "keywords");
  }

  @Test
  void aKeywordIsNormalisedAndAnUnknownOneIsNotFound() throws Exception {
    JsonNode body = ApiClient.json(ok(client.get("/api/keywords/Graphs")));
    HttpResponse<String> unknown = client.get("/api/keywords/zebra");

    assertThat(body.path("keyword").asText()).isEqualTo("graph");
    assertError(unknown, 404, "zebra");
  }

  @Test
  void anAcronymThatPapersDefineOneWayIsLookedUpAsItsPhrase() throws Exception {
    client.get("/api/keywords/LLMs");
    client.get("/api/keywords/ASR");

    assertThat(backends.calls).containsExactly("keyword LLMs, large language model", "keyword ASR, asr");
  }

  @Test
  void alertsHaveALimitOf50ByDefault() throws Exception {
    JsonNode body = ApiClient.json(ok(client.get("/api/alerts")));
    ok(client.get("/api/alerts?limit=3"));

    assertThat(backends.calls).containsExactly("alerts 50", "alerts 3");
    assertThat(body.path("alerts").isArray()).isTrue();
  }

  @Test
  void aWatchIsWrittenWithTheSchemasDefaultsReadAndDeleted() throws Exception {
    assertError(client.get("/api/watches/Graphs"), 404, "Graphs");

    JsonNode put = ApiClient.json(ok(client.send("PUT", "/api/watches/Graphs", "{\"minCount\": 5, \"owner\": \"ana\"}")));
    JsonNode got = ApiClient.json(ok(client.get("/api/watches/graph")));

    assertThat(put).isEqualTo(got);
    assertThat(got.path("keyword").asText()).isEqualTo("graph");
    assertThat(got.path("phrase").asText()).isEqualTo("Graphs");
    assertThat(got.path("typed").asText()).as("the former name, kept for one release").isEqualTo("Graphs");
    assertThat(got.path("minCount").asInt()).isEqualTo(5);
    assertThat(got.path("minScore").asDouble()).isEqualTo(Watch.newBuilder().setKeyword("x").build().getMinScore());
    assertThat(got.path("owner").asText()).isEqualTo("ana");
    assertThat(got.path("channel").isNull()).isTrue();

    JsonNode deleted = ApiClient.json(ok(client.send("DELETE", "/api/watches/Graphs", null)));
    assertThat(deleted.path("keyword").asText()).isEqualTo("graph");
    assertThat(deleted.path("deleted").asBoolean()).isTrue();
    assertThat(backends.watches).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} -> 400 naming {3}")
  @CsvSource(delimiter = '|', value = {
      "GET|/api/subjects?window=P2D||window",
      "GET|/api/subjects/x/series?window=P28D||window",
      "GET|/api/keywords/trending?window=P30D||window",
      "GET|/api/keywords/trending?limit=0||limit",
      "GET|/api/keywords/trending?limit=501||limit",
      "GET|/api/keywords/trending?limit=abc||limit",
      "GET|/api/keywords/trending?day=yesterday||day",
      "GET|/api/alerts?limit=100000||limit",
      "GET|/api/keywords/%20%20||keyword",
      "PUT|/api/watches/graph|{\"minCount\": -3}|minCount",
      "PUT|/api/watches/graph|{\"minCount\": 2.5}|minCount",
      "PUT|/api/watches/graph|{\"minScore\": \"high\"}|minScore",
      "PUT|/api/watches/graph|{\"maxPValue\": 7}|maxPValue",
      "PUT|/api/watches/graph|{\"maxPValue\": 0}|maxPValue",
      "PUT|/api/watches/graph|{\"owner\": 3}|owner",
      "PUT|/api/watches/graph|{\"channel\": null}|channel",
      "PUT|/api/watches/graph|[1, 2]|JSON object",
      "PUT|/api/watches/graph|{not json|not valid JSON",
      "PUT|/api/watches/%20%20|{}|keyword",
      "DELETE|/api/watches/%20%20||keyword",
  })
  void aBadParameterIsA400NamingIt(String method, String path, String body, String named) throws Exception {
    assertError(client.send(method, path, body), 400, named);
    assertThat(backends.watches).isEmpty();
  }

  @Test
  void aKeywordOfMoreThan100CharactersIsA400() throws Exception {
    assertError(client.get("/api/keywords/" + "w".repeat(101)), 400, "keyword has at most 100 characters");
    assertError(client.send("PUT", "/api/watches/" + "w".repeat(1_000), "{}"), 400, "keyword");
  }

  @Test
  void aBodyOver16KibIsA413() throws Exception {
    String body = "{\"owner\": \"" + "x".repeat(Request.MAX_BODY_BYTES) + "\"}";

    assertError(client.send("PUT", "/api/watches/graph", body), 413, "larger than " + Request.MAX_BODY_BYTES);
    assertThat(backends.watches).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} -> 404")
  @CsvSource({"GET,/api/nothing", "GET,/api/subjects/x", "GET,/api/keywords/a/b", "GET,/nothing.html", "DELETE,/api/nothing"})
  void anUnknownPathIsA404(String method, String path) throws Exception {
    assertError(client.send(method, path, null), 404, "no such endpoint: " + method + " " + path);
  }

  @ParameterizedTest(name = "{0} {1} -> 405")
  @CsvSource(delimiter = '|', value = {
      "POST|/api/subjects|GET", "PUT|/api/keywords/trending|GET", "POST|/api/keywords/graph|GET",
      "PATCH|/api/watches/graph|DELETE, GET, PUT", "POST|/metrics|GET", "DELETE|/|GET"})
  void aWrongMethodIsA405NamingTheAllowedOnes(String method, String path, String allowed) throws Exception {
    assertError(client.send(method, path, method.equals("DELETE") ? null : "{}"), 405, "use " + allowed + " on ");
    assertThat(backends.calls).isEmpty();
  }

  @Test
  void theBackendsFailuresBecomeStatuses() throws Exception {
    backends.failure = new InvalidStateStoreException("moving");
    assertError(client.get("/api/subjects"), 503, "starting or rebalancing");

    backends.failure = ApiException.unavailable("could not write the watch");
    assertError(client.send("PUT", "/api/watches/graph", "{}"), 503, "could not write the watch");

    backends.failure = new IllegalStateException("broken");
    assertError(client.get("/api/alerts"), 500, "IllegalStateException: broken");
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    HttpResponse<String> response = ok(client.get("/metrics"));

    assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsEndpoint.CONTENT_TYPE);
    assertThat(response.body()).contains("# TYPE ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/,text/html,<html", "/index.html,text/html,<html", "/app.js,text/javascript,/api/keywords/trending",
      "/style.css,text/css,{"})
  void theLivePagesFilesAreServed(String path, String type, String content) throws Exception {
    HttpResponse<String> response = ok(client.get(path));

    assertThat(response.headers().firstValue("Content-Type")).hasValue(type + "; charset=utf-8");
    assertThat(response.body()).contains(content);
  }

  @Test
  void theOpenApiDocumentIsServed() throws Exception {
    JsonNode document = ApiClient.json(ok(client.get("/api/openapi.json")));

    assertThat(document.path("openapi").asText()).startsWith("3.");
    assertThat(document.path("paths").has("/api/watches/{keyword}")).isTrue();
  }

  @Test
  void everyRouteOfTheTableAnswers() throws Exception {
    List<Route> routes = ApiRoutes.table(backends, backends, null, backends.subscriptionApi, backends::papers, () -> Health.of(KafkaStreams.State.RUNNING, 2)).all();
    for (Route route : routes) {
      if (route.template().equals("/metrics")) {
        continue; // tested above, with its metrics
      }
      String path = route.template().replace("{email}", "ada@example.org").replaceAll("\\{(subject|topic)}", "Graphics")
          .replaceAll("\\{[^}]+}", "graph");
      if (path.endsWith("/unsubscribe")) {
        path += "?token=" + backends.tokens.tokenFor("ada@example.org");
      }
      backends.watches.put("graph", Watch.newBuilder().setKeyword("graph").build());
      backends.subscriptionApi.put("ada@example.org", "{\"everything\": true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> response = client.send(route.method(), path, route.method().equals("PUT") ? "{\"everything\": true}" : null);
      assertThat(response.statusCode()).as(route.method() + " " + path + ": " + response.body()).isEqualTo(200);
    }
    assertThat(routes).extracting(Route::template).contains("/api/subjects", "/api/topics", "/api/watches/{keyword}", "/metrics");
  }

  @Test
  void trendingPapersPassTheirParametersAndABadOneIsA400() throws Exception {
    ok(client.send("GET", "/api/papers/trending?window=P7D&subject=Robotics", null));
    assertThat(backends.calls).containsExactly("papers {subject=Robotics, window=P7D}");

    assertError(client.send("GET", "/api/papers/trending?window=P2D", null), 400, "window must be one of");
  }

  @Test
  void subscriptionsAreWrittenReadAndLeftByTheSignedLinkAndRefusedWithAReason() throws Exception {
    ok(client.send("PUT", "/api/subscriptions/ada@example.org", "{\"keywords\": [\"world model\"]}"));
    assertThat(ApiClient.json(ok(client.send("GET", "/api/subscriptions/ada@example.org", null))).path("keywords").get(0).asText())
        .isEqualTo("world model");

    assertError(client.send("PUT", "/api/subscriptions/not-an-address", "{\"everything\": true}"), 400, "address");
    assertError(client.send("PUT", "/api/subscriptions/ada@example.org", "{\"topics\": [\"Nope\"]}"), 400, "unknown subject 'Nope'");
    assertError(client.send("PUT", "/api/subscriptions/ada@example.org", "{\"keywords\": [\"" + "k".repeat(5000) + "\"]}"), 413, "");
    assertError(client.send("POST", "/api/subscriptions/ada@example.org", "{}"), 405, "");
    assertError(client.send("GET", "/api/subscriptions/ada@example.org/unsubscribe", null), 400, "token");
    assertError(client.send("GET", "/api/subscriptions/ada@example.org/unsubscribe?token=" + backends.tokens.tokenFor("bob@example.org"), null), 403, "token");
    assertThat(backends.subscriptions).containsKey("ada@example.org");

    ok(client.send("GET", "/api/subscriptions/ada@example.org/unsubscribe?token=" + backends.tokens.tokenFor("ada@example.org"), null));
    assertThat(backends.subscriptions).isEmpty();
    assertError(client.send("GET", "/api/subscriptions/ada@example.org", null), 404, "no subscription");
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(ApiClient.json(response).path("error").asText()).contains(message);
  }
}
