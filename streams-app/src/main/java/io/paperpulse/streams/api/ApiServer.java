package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.ClosedDay;
import io.paperpulse.avro.state.KeywordState;
import io.paperpulse.avro.state.OpenDay;
import io.paperpulse.avro.state.TopKeywords;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.producer.Topics;
import io.paperpulse.producer.config.PaperPulseConfig;
import io.paperpulse.streams.AppMetrics;
import io.paperpulse.streams.Stores;
import io.paperpulse.streams.TopicCountsTopology;
import io.paperpulse.streams.TopicSerdes;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The HTTP API over the app's state (interactive queries), JSON in and out. The analytics state
 * lives on the one instance that owns the analytics partition; other instances forward the request
 * there. Bad parameters get a 400 with a message saying what is wrong.
 */
public final class ApiServer implements AutoCloseable {
  static final int MAX_BODY_BYTES = 16 * 1024;
  static final int MAX_LIMIT = 500;
  static final int MAX_KEYWORD_CHARS = 100;
  private static final String FORWARDED = "X-PaperPulse-Forwarded";
  /** Set on an answer from a standby copy of the state, while the owner does not answer. */
  static final String STALE = "X-PaperPulse-Stale";

  /** A request the API refuses, with its status. */
  static final class ApiException extends RuntimeException {
    final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final KafkaStreams streams;
  private final PaperPulseConfig config;
  private final TopicSerdes serdes;
  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient forwarder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private KafkaProducer<String, Watch> watchProducer;

  private final AppMetrics metrics;

  private final String advertisedHost;

  /**
   * @param advertisedHost the host this instance gives as its {@code application.server}, so it
   *     knows the requests it owns
   */
  public ApiServer(KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes, AppMetrics metrics, String advertisedHost, int port) {
    this.advertisedHost = advertisedHost;
    this.streams = streams;
    this.config = config;
    this.serdes = serdes;
    this.metrics = metrics;
    try {
      this.server = HttpServer.create(new InetSocketAddress(port), 64);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serve the HTTP API on port " + port + ": " + e.getMessage(), e);
    }
    server.createContext("/api/", this::handle);
    server.createContext("/metrics", this::handleMetrics);
    server.createContext("/", this::handleRoot);
    server.setExecutor(Executors.newFixedThreadPool(4));
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    synchronized (this) {
      if (watchProducer != null) {
        watchProducer.close(Duration.ofSeconds(5));
      }
    }
  }

  private void handleMetrics(HttpExchange exchange) throws IOException {
    try {
      byte[] body = metrics.scrape(this::stateView).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }

  /** What the gauges show, read from local state; empty where this instance does not own it. */
  private AppMetrics.StateView stateView() {
    return new AppMetrics.StateView() {
      @Override
      public Map<Long, TopicDayCounts> topicDays() {
        Map<Long, TopicDayCounts> days = new HashMap<>();
        try (KeyValueIterator<Long, TopicDayCounts> all = ApiServer.this.<Long, TopicDayCounts>activeStore(Stores.TOPIC_DAYS).all()) {
          all.forEachRemaining(kv -> days.put(kv.key, kv.value));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
          return Map.of();
        }
        return days;
      }

      @Override
      public List<KeywordTrend> keywordTrends() {
        List<KeywordTrend> trends = new ArrayList<>();
        try {
          ReadOnlyKeyValueStore<Long, TopKeywords> top = activeStore(Stores.KEYWORD_TOP);
          Long latest = latestKey(top);
          if (latest != null) {
            trends.addAll(top.get(latest).getEntries());
          }
          ReadOnlyKeyValueStore<String, KeywordState> states = activeStore(Stores.KEYWORD_STATE);
          ReadOnlyKeyValueStore<String, ValueAndTimestamp<Watch>> watches =
              streams.store(StoreQueryParameters.fromNameAndType(Stores.WATCHLIST, QueryableStoreTypes.timestampedKeyValueStore()));
          try (KeyValueIterator<String, ValueAndTimestamp<Watch>> all = watches.all()) {
            while (all.hasNext()) {
              String keyword = all.next().key;
              KeywordState state = states.get(keyword);
              if (state != null) {
                trends.add(latestTrend(keyword, state));
              }
            }
          }
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
          return List.of();
        }
        return trends;
      }
    };
  }

  /** A watched keyword's latest day as a trend: its open day if any, else its last closed day. */
  private static KeywordTrend latestTrend(String keyword, KeywordState state) {
    long count = 0;
    double score = 0;
    long day = state.getLastFoldedDay();
    if (!state.getOpen().isEmpty()) {
      OpenDay open = state.getOpen().get(state.getOpen().size() - 1);
      count = open.getCount();
      day = open.getDay();
    } else if (!state.getHistory().isEmpty()) {
      ClosedDay last = state.getHistory().get(state.getHistory().size() - 1);
      count = last.getCount();
      score = last.getScore();
      day = last.getDay();
    }
    return new KeywordTrend(keyword, state.getLabel(), "P1D", java.time.Instant.ofEpochMilli(Math.max(0, day) * 86_400_000L),
        count, 0L, 0.0, state.getMean(), Math.sqrt(state.getVariance()), state.getHistoryDays(), score, 1.0, false, List.of());
  }

  /** The live page: three static files from the classpath, no build step. */
  private static final Map<String, String> PAGES =
      Map.of("/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css");

  private void handleRoot(HttpExchange exchange) throws IOException {
    try {
      String file = PAGES.get(exchange.getRequestURI().getPath());
      if (file == null) {
        send(exchange, 404, Map.of("error", "no such path: " + exchange.getRequestURI().getPath()));
        return;
      }
      byte[] body;
      try (InputStream in = ApiServer.class.getResourceAsStream("/io/paperpulse/streams/web/" + file)) {
        body = in.readAllBytes();
      }
      String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
      exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      List<String> parts = new ArrayList<>();
      for (String part : path.substring("/api/".length()).split("/")) {
        if (!part.isEmpty()) {
          parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
        }
      }
      Object body = route(method, parts, query, exchange);
      send(exchange, 200, body);
    } catch (ApiException e) {
      send(exchange, e.status, Map.of("error", e.getMessage()));
    } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
      send(exchange, 503, Map.of("error", "the app is starting or rebalancing; try again shortly"));
    } catch (RuntimeException e) {
      send(exchange, 500, Map.of("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      exchange.close();
    }
  }

  private Object route(String method, List<String> parts, Map<String, String> query, HttpExchange exchange)
      throws IOException {
    String first = parts.isEmpty() ? "" : parts.get(0);
    boolean analytics = first.equals("topics") || first.equals("keywords") || first.equals("alerts");
    if (analytics && method.equals("GET")) {
      Object forwarded = forwardIfElsewhere(exchange);
      if (forwarded != null) {
        return forwarded;
      }
      if (streams.state() != KafkaStreams.State.RUNNING) {
        exchange.getResponseHeaders().set(STALE, "true"); // restoring or rebalancing: maybe behind
      }
    }
    if (first.equals("topics") && parts.size() == 1) {
      requireMethod(method, "GET");
      return topics(windowDays(query.getOrDefault("window", "P7D")));
    }
    if (first.equals("topics") && parts.size() == 3 && parts.get(2).equals("series")) {
      requireMethod(method, "GET");
      return series(parts.get(1), windowDays(query.getOrDefault("window", "P1D")));
    }
    if (first.equals("keywords") && parts.size() == 2 && parts.get(1).equals("trending")) {
      requireMethod(method, "GET");
      if (!query.getOrDefault("window", "P1D").equals("P1D")) {
        throw new ApiException(400, "window must be P1D: keyword trends are daily");
      }
      return trending(limit(query, 20), day(query));
    }
    if (first.equals("keywords") && parts.size() == 2) {
      requireMethod(method, "GET");
      return keyword(parts.get(1));
    }
    if (first.equals("alerts") && parts.size() == 1) {
      requireMethod(method, "GET");
      return alerts(limit(query, 50));
    }
    if (first.equals("watches") && parts.size() == 2) {
      return switch (method) {
        case "GET" -> watch(parts.get(1));
        case "PUT" -> putWatch(parts.get(1), readBody(exchange));
        case "DELETE" -> deleteWatch(parts.get(1));
        default -> throw new ApiException(405, "use GET, PUT or DELETE on /api/watches/{keyword}");
      };
    }
    throw new ApiException(404, "no such endpoint: " + method + " /api/" + String.join("/", parts));
  }

  // ---- topics ----

  private Object topics(int days) {
    ReadOnlyKeyValueStore<Long, TopicDayCounts> store = store(Stores.TOPIC_DAYS);
    Long latest = latestKey(store);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("window", TopicCountsTopology.window(days));
    if (latest == null) {
      out.put("total", 0);
      out.put("topics", List.of());
      return out;
    }
    long startDay = latest - days + 1;
    TopicCountsTopology.WindowSum sum = TopicCountsTopology.sum(store::get, startDay, days);
    out.put("start", LocalDate.ofEpochDay(startDay).toString());
    out.put("end", LocalDate.ofEpochDay(latest + 1).toString());
    out.put("total", sum.total());
    List<Map<String, Object>> topics = new ArrayList<>();
    sum.counts().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> topics.add(Map.of("topic", e.getKey(), "count", e.getValue(), "share", (double) e.getValue() / sum.total())));
    out.put("topics", topics);
    return out;
  }

  private Object series(String topic, int days) {
    ReadOnlyKeyValueStore<Long, TopicDayCounts> store = store(Stores.TOPIC_DAYS);
    Long first = firstKey(store);
    Long latest = latestKey(store);
    List<Map<String, Object>> points = new ArrayList<>();
    if (first != null) {
      for (long start = first - days + 1; start <= latest; start++) {
        TopicCountsTopology.WindowSum sum = TopicCountsTopology.sum(store::get, start, days);
        if (start < first) {
          continue; // windows that begin before the data would be partial
        }
        long count = sum.counts().getOrDefault(topic, 0L);
        points.add(Map.of(
            "start", LocalDate.ofEpochDay(start).toString(),
            "end", LocalDate.ofEpochDay(start + days).toString(),
            "count", count, "total", sum.total(),
            "share", sum.total() == 0 ? 0.0 : (double) count / sum.total()));
      }
    }
    return Map.of("topic", topic, "window", TopicCountsTopology.window(days), "series", points);
  }

  private static int windowDays(String window) {
    for (int days : TopicCountsTopology.WINDOW_DAYS) {
      if (TopicCountsTopology.window(days).equals(window)) {
        return days;
      }
    }
    throw new ApiException(400, "window must be one of P1D, P7D, P30D, not '" + window + "'");
  }

  // ---- keywords and alerts ----

  /** The {@code day} parameter as an epoch day, or null when absent. */
  private static Long day(Map<String, String> query) {
    String day = query.get("day");
    if (day == null) {
      return null;
    }
    try {
      return LocalDate.parse(day).toEpochDay();
    } catch (java.time.format.DateTimeParseException e) {
      throw new ApiException(400, "day must be a date such as 2025-04-07, not '" + day + "'");
    }
  }

  /** The top trends of {@code day} (null: the latest day); a closed day's are final. */
  private Object trending(int limit, Long day) {
    ReadOnlyKeyValueStore<Long, TopKeywords> store = store(Stores.KEYWORD_TOP);
    Long latest = day != null ? day : latestKey(store);
    TopKeywords top = latest == null ? null : store.get(latest);
    List<Map<String, Object>> out = new ArrayList<>();
    if (top != null) {
      for (KeywordTrend trend : top.getEntries()) {
        if (out.size() == limit) {
          break;
        }
        out.add(trend(trend));
      }
    }
    return Map.of("window", "P1D", "day", latest == null ? "" : LocalDate.ofEpochDay(latest).toString(), "keywords", out);
  }

  private Object keyword(String phrase) {
    String key = keyOf(phrase);
    KeywordState state = this.<String, KeywordState>store(Stores.KEYWORD_STATE).get(key);
    if (state == null) {
      throw new ApiException(404, "no paper has had the keyword '" + phrase + "' (key '" + key + "') yet");
    }
    List<Map<String, Object>> series = new ArrayList<>();
    for (ClosedDay day : state.getHistory()) {
      series.add(Map.of("day", LocalDate.ofEpochDay(day.getDay()).toString(), "count", day.getCount(),
          "total", day.getTotal(), "baseline", day.getBaseline(), "score", day.getScore(), "final", true));
    }
    for (OpenDay day : state.getOpen()) {
      series.add(Map.of("day", LocalDate.ofEpochDay(day.getDay()).toString(), "count", day.getCount(), "final", false));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keyword", key);
    out.put("label", state.getLabel());
    out.put("baseline", state.getMean());
    out.put("baselineStdDev", Math.sqrt(state.getVariance()));
    out.put("historyDays", state.getHistoryDays());
    out.put("series", series);
    out.put("watch", watchOrNull(key));
    return out;
  }

  private Object alerts(int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    try (KeyValueIterator<String, SpikeAlert> all = this.<String, SpikeAlert>store(Stores.RECENT_ALERTS).reverseAll()) {
      while (all.hasNext() && out.size() < limit) {
        SpikeAlert a = all.next().value;
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("keyword", a.getKeyword());
        alert.put("label", a.getLabel());
        alert.put("day", a.getStart().toString());
        alert.put("count", a.getCount());
        alert.put("baseline", a.getBaseline());
        alert.put("score", a.getScore());
        alert.put("pValue", a.getPValue());
        alert.put("watched", a.getWatched());
        alert.put("owner", a.getOwner());
        alert.put("samples", a.getSamples().stream().map(p -> Map.of("id", p.getId(), "title", p.getTitle())).toList());
        out.add(alert);
      }
    }
    return Map.of("alerts", out);
  }

  private static Map<String, Object> trend(KeywordTrend t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keyword", t.getKeyword());
    out.put("label", t.getLabel());
    out.put("day", t.getStart().toString());
    out.put("count", t.getCount());
    out.put("total", t.getTotal());
    out.put("share", t.getShare());
    out.put("baseline", t.getBaseline());
    out.put("score", t.getScore());
    out.put("pValue", t.getPValue());
    out.put("final", t.getFinal$());
    return out;
  }

  // ---- watches ----

  private Map<String, Object> watchOrNull(String key) {
    ReadOnlyKeyValueStore<String, ValueAndTimestamp<Watch>> store =
        streams.store(StoreQueryParameters.fromNameAndType(Stores.WATCHLIST, QueryableStoreTypes.timestampedKeyValueStore()));
    ValueAndTimestamp<Watch> watch = store.get(key);
    return watch == null ? null : watchJson(key, watch.value());
  }

  private Object watch(String phrase) {
    String key = keyOf(phrase);
    Map<String, Object> watch = watchOrNull(key);
    if (watch == null) {
      throw new ApiException(404, "no watch on '" + phrase + "'");
    }
    return watch;
  }

  private Object putWatch(String phrase, JsonNode body) {
    String key = keyOf(phrase);
    Watch watch = new Watch(phrase, 3, 3.0, 0.001, null, null);
    if (body.has("minCount")) {
      watch.setMinCount(positiveInt(body.get("minCount"), "minCount"));
    }
    if (body.has("minScore")) {
      watch.setMinScore(number(body.get("minScore"), "minScore"));
    }
    if (body.has("maxPValue")) {
      double p = number(body.get("maxPValue"), "maxPValue");
      if (p <= 0 || p > 1) {
        throw new ApiException(400, "maxPValue must be in (0, 1], not " + p);
      }
      watch.setMaxPValue(p);
    }
    if (body.has("owner")) {
      watch.setOwner(text(body.get("owner"), "owner"));
    }
    if (body.has("channel")) {
      watch.setChannel(text(body.get("channel"), "channel"));
    }
    write(key, watch);
    return watchJson(key, watch);
  }

  private Object deleteWatch(String phrase) {
    String key = keyOf(phrase);
    write(key, null);
    return Map.of("keyword", key, "deleted", true);
  }

  private void write(String key, Watch watch) {
    try {
      producer().send(new ProducerRecord<>(Topics.WATCHLIST, key, watch)).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ApiException(503, "could not write the watch to " + Topics.WATCHLIST + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted");
    }
  }

  private synchronized KafkaProducer<String, Watch> producer() {
    if (watchProducer == null) {
      Map<String, Object> props = new HashMap<>(config.kafka());
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, "paperpulse-api-watches");
      watchProducer = new KafkaProducer<>(props, new StringSerializer(), serdes.value(Watch.class).serializer());
    }
    return watchProducer;
  }

  private static Map<String, Object> watchJson(String key, Watch w) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keyword", key);
    out.put("as typed", w.getKeyword());
    out.put("minCount", w.getMinCount());
    out.put("minScore", w.getMinScore());
    out.put("maxPValue", w.getMaxPValue());
    out.put("owner", w.getOwner());
    out.put("channel", w.getChannel());
    return out;
  }

  // ---- plumbing ----

  /** Sends the request to the instance owning the analytics state, if that is not this one. */
  private Object forwardIfElsewhere(HttpExchange exchange) throws IOException {
    if (exchange.getRequestHeaders().containsKey(FORWARDED)) {
      return null;
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(Stores.TOPIC_DAYS, io.paperpulse.streams.PaperPulseTopology.ANALYTICS_KEY, Serdes.String().serializer());
    if (owner == null || owner.activeHost() == null || owner.activeHost().port() == -1) {
      throw new ApiException(503, "the app is starting or rebalancing; try again shortly");
    }
    if (owner.activeHost().port() == port() && isLocal(owner.activeHost().host())) {
      return null;
    }
    URI target = URI.create("http://" + owner.activeHost().host() + ":" + owner.activeHost().port() + exchange.getRequestURI());
    try {
      HttpResponse<String> response = forwarder.send(
          HttpRequest.newBuilder(target).header(FORWARDED, "1").timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ApiException(response.statusCode(), json.readTree(response.body()).path("error").asText("error at " + target));
      }
      return json.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted while asking " + target);
    } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
      // The owner died or hangs, and the group has not yet moved its work. A standby copy here
      // answers instead, possibly a few records behind, and says so.
      if (owner.standbyHosts().stream().anyMatch(h -> h.port() == port() && isLocal(h.host()))) {
        exchange.getResponseHeaders().set(STALE, "true");
        return null;
      }
      throw new ApiException(503, "the instance that owns the analytics, " + target.getAuthority() + ", does not answer");
    }
  }

  private boolean isLocal(String host) {
    return host.equals(advertisedHost) || host.equals("localhost") || host.equals("127.0.0.1");
  }

  /** A local store this instance owns (the gauges' source: a standby copy must not be counted twice). */
  private <K, V> ReadOnlyKeyValueStore<K, V> activeStore(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
  }

  /** A local store: the active one, or a standby (stale) copy when that is all this instance has. */
  private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()).enableStaleStores());
  }

  private static <V> Long latestKey(ReadOnlyKeyValueStore<Long, V> store) {
    try (KeyValueIterator<Long, V> all = store.reverseAll()) {
      return all.hasNext() ? all.next().key : null;
    }
  }

  private static <V> Long firstKey(ReadOnlyKeyValueStore<Long, V> store) {
    try (KeyValueIterator<Long, V> all = store.all()) {
      return all.hasNext() ? all.next().key : null;
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new ApiException(405, "only " + allowed + " is allowed here");
    }
  }

  private static int limit(Map<String, String> query, int fallback) {
    String value = query.get("limit");
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new ApiException(400, "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new ApiException(400, "limit must be a whole number, not '" + value + "'");
    }
  }

  private JsonNode readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      if (bytes.length == 0) {
        return json.createObjectNode();
      }
      JsonNode node = json.readTree(bytes);
      if (!node.isObject()) {
        throw new ApiException(400, "the body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ApiException(400, "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static int positiveInt(JsonNode node, String name) {
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
      throw new ApiException(400, name + " must be a whole number of at least 1");
    }
    return node.asInt();
  }

  private static double number(JsonNode node, String name) {
    if (!node.isNumber()) {
      throw new ApiException(400, name + " must be a number");
    }
    return node.asDouble();
  }

  /** A keyword of a request path, normalised as the extractor does; bounded and non-empty. */
  private static String keyOf(String phrase) {
    if (phrase.length() > MAX_KEYWORD_CHARS) {
      throw new ApiException(400, "a keyword has at most " + MAX_KEYWORD_CHARS + " characters, not " + phrase.length());
    }
    String key = KeywordExtractor.keyOf(phrase);
    if (key.isEmpty()) {
      throw new ApiException(400, "the keyword '" + phrase + "' has no words");
    }
    return key;
  }

  private static String text(JsonNode node, String name) {
    if (!node.isTextual() || node.asText().length() > 200) {
      throw new ApiException(400, name + " must be a string of at most 200 characters");
    }
    return node.asText();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(name, value);
    }
    return out;
  }

  private void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
