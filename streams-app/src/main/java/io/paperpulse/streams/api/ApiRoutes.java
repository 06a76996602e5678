package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.Watch;
import io.paperpulse.streams.digests.SubscriptionApi;
import io.paperpulse.streams.digests.SubscriptionRequest;
import io.paperpulse.streams.subjects.Taxonomy;
import io.paperpulse.streams.trends.TrendWindow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The route table: every route of the server, one line each, and the handlers that turn a
 * validated request into a call of the read side, the watchlist or a page. A route added here
 * also needs its entry in {@code openapi.json}.
 */
final class ApiRoutes {
  /** The OpenAPI 3 document of every route, hand-written. */
  static final String OPENAPI = "/io/paperpulse/streams/api/openapi.json";

  private final Analytics analytics;
  private final Watches watches;

  private ApiRoutes(Analytics analytics, Watches watches) {
    this.analytics = analytics;
    this.watches = watches;
  }

  /**
   * @param papers the trending papers' query: the query parameters in, the answer out; an {@link
   *     IllegalArgumentException} names a bad parameter
   * @param health this instance's health; an {@link ApiException} when it is down
   */
  static Routes table(Analytics analytics, Watches watches, MetricsEndpoint metrics, SubscriptionApi subscriptions,
      Function<Map<String, String>, Object> papers, Supplier<Health> health) {
    ApiRoutes api = new ApiRoutes(analytics, watches);
    return new Routes(List.of(
        Route.get("/api/health", r -> health.get()),
        Route.get("/api/subjects", api::subjects),
        Route.get("/api/subjects/{subject}/series", r -> api.series(r, r.path("subject"))),
        // Aliases of the two above, kept for existing clients.
        Route.get("/api/topics", api::subjects),
        Route.get("/api/topics/{topic}/series", r -> api.series(r, r.path("topic"))),
        Route.get("/api/keywords/trending", api::trending),
        Route.get("/api/keywords/{keyword}", api::keyword),
        Route.get("/api/alerts", api::alerts),
        Route.get("/api/papers/trending", r -> validated(() -> papers.apply(r.params().all()))),
        Route.get("/api/watches/{keyword}", api::watch),
        Route.put("/api/watches/{keyword}", api::putWatch),
        Route.delete("/api/watches/{keyword}", api::deleteWatch),
        Route.get("/api/subscriptions/{email}", r -> subscriptions.get(r.path("email"))),
        Route.put("/api/subscriptions/{email}", r -> subscriptions.put(r.path("email"), r.body(SubscriptionRequest.MAX_BODY_BYTES))),
        Route.delete("/api/subscriptions/{email}", r -> subscriptions.delete(r.path("email"))),
        Route.get("/api/subscriptions/{email}/unsubscribe", r -> subscriptions.unsubscribe(r.path("email"), r.params().raw("token"))),
        Route.get("/api/openapi.json", r -> Responses.resource(OPENAPI, "application/json")),
        Route.get("/metrics", r -> metrics.scrape()),
        Route.get("/", r -> StaticPages.page("index.html")),
        Route.get("/index.html", r -> StaticPages.page("index.html")),
        Route.get("/app.js", r -> StaticPages.page("app.js")),
        Route.get("/style.css", r -> StaticPages.page("style.css"))));
  }

  /** The answer of a handler that validates its own parameters, a bad one a 400. */
  private static Object validated(Supplier<Object> handler) {
    try {
      return handler.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private Object subjects(Request r) throws IOException {
    return analytics.subjects(r, r.params().subjectWindowDays("P7D"));
  }

  private Object series(Request r, String subject) throws IOException {
    int days = r.params().subjectWindowDays("P1D");
    return analytics.series(r, knownSubject(subject), days);
  }

  /** A subject as the taxonomy names it, whatever its case; an unknown one is a 404, not a series of zeros. */
  static String knownSubject(String asked) {
    for (String subject : Taxonomy.allSubjects()) {
      if (subject.equalsIgnoreCase(asked.strip())) {
        return subject;
      }
    }
    throw ApiException.notFound("no subject '" + asked + "': the subjects are the names /api/subjects lists, such as 'Computer Vision'");
  }

  private Object trending(Request r) throws IOException {
    TrendWindow window = r.params().trendWindow("P7D");
    Long day = r.params().day();
    return analytics.trending(r, window, day, r.params().limit(20));
  }

  private Object keyword(Request r) throws IOException {
    Params.Keyword keyword = Params.keyword(r.path("keyword"));
    Object answer = analytics.keyword(r, keyword);
    if (answer == null) {
      throw ApiException.notFound("no paper of the last " + TrendWindow.HISTORY_DAYS + " days mentions '"
          + keyword.phrase() + "' (key '" + keyword.key() + "')");
    }
    return answer;
  }

  private Object alerts(Request r) throws IOException {
    return analytics.alerts(r, r.params().limit(50));
  }

  private Object watch(Request r) {
    Params.Keyword keyword = Params.keyword(r.path("keyword"));
    Watch watch = watches.get(keyword.key());
    if (watch == null) {
      throw ApiException.notFound("no watch on '" + keyword.phrase() + "'");
    }
    return Answers.WatchAnswer.of(keyword.key(), watch);
  }

  /** A watch with the schema's defaults for what the body leaves out. */
  private Object putWatch(Request r) throws IOException {
    Params.Keyword keyword = Params.keyword(r.path("keyword"));
    JsonNode body = r.jsonBody();
    Watch watch = Watch.newBuilder().setKeyword(keyword.phrase()).build();
    if (body.has("minCount")) {
      watch.setMinCount(Params.positiveInt(body, "minCount"));
    }
    if (body.has("minScore")) {
      watch.setMinScore(Params.number(body, "minScore", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }
    if (body.has("maxPValue")) {
      watch.setMaxPValue(Params.number(body, "maxPValue", 0, 1));
    }
    if (body.has("owner")) {
      watch.setOwner(Params.text(body, "owner"));
    }
    if (body.has("channel")) {
      watch.setChannel(Params.text(body, "channel"));
    }
    watches.write(keyword.key(), watch);
    return Answers.WatchAnswer.of(keyword.key(), watch);
  }

  private Object deleteWatch(Request r) {
    Params.Keyword keyword = Params.keyword(r.path("keyword"));
    watches.write(keyword.key(), null);
    return new Answers.Deleted(keyword.key(), true);
  }
}
