package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.producer.Topics;
import io.paperpulse.producer.config.PaperPulseConfig;
import io.paperpulse.streams.AppMetrics;
import io.paperpulse.streams.Stores;
import io.paperpulse.streams.KeywordHistory;
import io.paperpulse.streams.TopicCountsTopology;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
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
 * The HTTP API over the app's state (interactive queries), JSON in and out. The analytics are
 * partitioned by keyword and by subject: a keyword's request goes to the instance that owns its
 * partition, and lists are merged from every partition's part ({@link Fanout}, {@link
 * AnalyticsQueries}). Bad parameters get a 400 with a message saying what is wrong.
 */
public final class ApiServer implements AutoCloseable {
  static final int MAX_BODY_BYTES = 16 * 1024;
  static final int MAX_LIMIT = 500;
  static final int MAX_KEYWORD_CHARS = 100;
  /** Threads serving requests; at most half of them ask other instances at once. */
  static final int THREADS = 8;
  private final java.util.concurrent.Semaphore coordinators = new java.util.concurrent.Semaphore(THREADS / 2);
  /** Trending keywords exported as gauges, per instance. */
  static final int METRICS_TOP_K = 50;
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
  private final int partitions;
  private final AnalyticsQueries queries;
  private final Fanout fanout;

  /**
   * @param advertisedHost the host this instance gives as its {@code application.server}, so it
   *     knows the requests it owns
   */
  public ApiServer(
      KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes, AppMetrics metrics, String advertisedHost, int port, int partitions) {
    this.advertisedHost = advertisedHost;
    this.partitions = partitions;
    this.queries = new AnalyticsQueries(streams);
    this.fanout = new Fanout(streams, partitions, h -> h.port() == port() && isLocal(h.host()), json);
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
    server.setExecutor(Executors.newFixedThreadPool(THREADS));
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

  /** What the gauges show, read from the partitions this instance owns; empty while it owns none. */
  private AppMetrics.StateView stateView() {
    return new AppMetrics.StateView() {
      @Override
      public Map<Long, TopicDayCounts> topicDays() {
        try {
          return AnalyticsQueries.mergeTopicDays(List.of(json.valueToTree(queries.topicDaysPart(ownedPartitions(), false))));
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
          return Map.of();
        }
      }

      @Override
      public List<KeywordTrend> keywordTrends() {
        try {
          return ownedTrends();
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
          return List.of();
        }
      }
    };
  }

  /** The partitions of the analytics topic whose active tasks run here. */
  private java.util.TreeSet<Integer> ownedPartitions() {
    java.util.TreeSet<Integer> owned = new java.util.TreeSet<>();
    for (org.apache.kafka.streams.ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (org.apache.kafka.streams.TaskMetadata task : thread.activeTasks()) {
        for (org.apache.kafka.common.TopicPartition tp : task.topicPartitions()) {
          if (tp.topic().endsWith(io.paperpulse.streams.PaperPulseTopology.ANALYTICS_TOPIC_SUFFIX)) {
            owned.add(tp.partition());
          }
        }
      }
    }
    return owned;
  }

  /**
   * The week's trending keywords of the latest day among those this instance owns, and its watched
   * keywords, as trends: each keyword is owned by one instance, so no series is exported twice.
   */
  private List<KeywordTrend> ownedTrends() {
    java.util.TreeSet<Integer> owned = ownedPartitions();
    if (owned.isEmpty()) {
      return List.of();
    }
    Object latest = queries.daysPart(owned, false).get("latestDay");
    if (latest == null) {
      return List.of();
    }
    long day = ((Number) latest).longValue();
    List<KeywordTrend> trends = new ArrayList<>();
    JsonNode part = json.valueToTree(queries.trendingPart(owned, false, day, TrendWindow.P7D));
    for (JsonNode t : AnalyticsQueries.mergeTrending(List.of(part), METRICS_TOP_K)) {
      trends.add(trendOf(t));
    }
    ReadOnlyKeyValueStore<String, ValueAndTimestamp<Watch>> watches =
        streams.store(StoreQueryParameters.fromNameAndType(Stores.WATCHLIST, QueryableStoreTypes.timestampedKeyValueStore()));
    try (KeyValueIterator<String, ValueAndTimestamp<Watch>> all = watches.all()) {
      while (all.hasNext()) {
        String keyword = all.next().key;
        int partition = io.paperpulse.streams.AnalyticsPartitioner.partitionOf(keyword, partitions);
        if (owned.contains(partition)) {
          Map<String, Object> detail = queries.keyword(keyword, partition, false);
          if (detail != null) {
            trends.add(trendOf(json.valueToTree(detail).path("windows").path("P1D")));
          }
        }
      }
    }
    return trends;
  }

  /** A trend of the API's JSON as the gauges read it. */
  private static KeywordTrend trendOf(JsonNode t) {
    return KeywordTrend.newBuilder()
        .setKeyword(t.path("keyword").asText())
        .setLabel(t.path("label").asText())
        .setWindow(t.path("window").asText())
        .setStart(LocalDate.parse(t.path("start").asText()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
        .setCount(t.path("count").asLong())
        .setTotal(t.path("total").asLong())
        .setShare(t.path("total").asLong() == 0 ? 0.0 : t.path("count").asDouble() / t.path("total").asLong())
        .setBaseline(t.path("baselineTotal").asLong() == 0 ? 0.0 : t.path("baselineCount").asDouble() / t.path("baselineTotal").asLong())
        .setBaselineStdDev(0.0)
        .setHistoryDays(t.path("baselineDays").asInt())
        .setScore(t.path("score").asDouble())
        .setPValue(t.path("pValue").asDouble())
        .setFinal$(true)
        .setBaselineCount(t.path("baselineCount").asLong())
        .setBaselineTotal(t.path("baselineTotal").asLong())
        .setRatio(t.path("ratio").asDouble())
        .setEmerging(t.path("emerging").asBoolean())
        .build();
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
    // A request that asks other instances holds its thread while they answer; at most half the
    // threads do so, so the parts other instances ask of this one always find a thread.
    boolean coordinating = !exchange.getRequestHeaders().containsKey(Fanout.PARTITIONS)
        && !exchange.getRequestHeaders().containsKey(FORWARDED);
    if (coordinating && !coordinators.tryAcquire()) {
      try {
        if (!coordinators.tryAcquire(10, TimeUnit.SECONDS)) {
          send(exchange, 503, Map.of("error", "too many requests at once; try again shortly"));
          exchange.close();
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
    }
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
    } catch (IOException e) {
      send(exchange, 502, Map.of("error", "another instance's answer broke off: " + e.getMessage()));
    } finally {
      if (coordinating) {
        coordinators.release();
      }
      exchange.close();
    }
  }

  private Object route(String method, List<String> parts, Map<String, String> query, HttpExchange exchange)
      throws IOException {
    String first = parts.isEmpty() ? "" : parts.get(0);
    boolean analytics = first.equals("topics") || first.equals("keywords") || first.equals("alerts");
    java.util.TreeSet<Integer> part = Fanout.requested(exchange.getRequestHeaders().getFirst(Fanout.PARTITIONS), partitions);
    if (analytics && method.equals("GET") && streams.state() != KafkaStreams.State.RUNNING) {
      exchange.getResponseHeaders().set(STALE, "true"); // restoring or rebalancing: maybe behind
    }
    if (first.equals("topics") && parts.size() == 1) {
      requireMethod(method, "GET");
      int days = windowDays(query.getOrDefault("window", "P7D"));
      return part != null ? queries.topicDaysPart(part, true) : topics(days, subjectDays(exchange));
    }
    if (first.equals("topics") && parts.size() == 3 && parts.get(2).equals("series")) {
      requireMethod(method, "GET");
      int days = windowDays(query.getOrDefault("window", "P1D"));
      return part != null ? queries.topicDaysPart(part, true) : series(parts.get(1), days, subjectDays(exchange));
    }
    if (first.equals("keywords") && parts.size() == 2 && parts.get(1).equals("trending")) {
      requireMethod(method, "GET");
      TrendWindow window = trendWindow(query.getOrDefault("window", "P7D"));
      Long day = day(query);
      int limit = limit(query, 20);
      if (part != null) {
        return day == null ? queries.daysPart(part, true) : queries.trendingPart(part, true, day, window);
      }
      return trending(exchange, window, day, limit);
    }
    if (first.equals("keywords") && parts.size() == 2) {
      requireMethod(method, "GET");
      return keyword(exchange, parts.get(1));
    }
    if (first.equals("alerts") && parts.size() == 1) {
      requireMethod(method, "GET");
      int limit = limit(query, 50);
      if (part != null) {
        return queries.alertsPart(part, true, limit);
      }
      Fanout.Parts all = collect(exchange, "/api/alerts?limit=" + limit, p -> queries.alertsPart(p, true, limit));
      return Map.of("alerts", AnalyticsQueries.mergeAlerts(all.parts(), limit));
    }
    if (first.equals("papers") && parts.size() == 2 && parts.get(1).equals("trending")) {
      requireMethod(method, "GET");
      try {
        return new io.paperpulse.streams.papers.TrendingPapersQuery(name -> streams.store(StoreQueryParameters.fromNameAndType(
            name, QueryableStoreTypes.<String, io.paperpulse.avro.TrendingPaper>keyValueStore()))).trending(query);
      } catch (IllegalArgumentException e) {
        throw new ApiException(400, e.getMessage());
      }
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

  /** Every partition's part of a request; marks the answer stale when a standby copy gave some. */
  private Fanout.Parts collect(HttpExchange exchange, String pathAndQuery, java.util.function.Function<java.util.TreeSet<Integer>, Object> local)
      throws IOException {
    Fanout.Parts parts = fanout.collect(pathAndQuery, local);
    if (parts.stale()) {
      exchange.getResponseHeaders().set(STALE, "true");
    }
    return parts;
  }

  // ---- subjects (research topics) ----

  /** The daily subject counts of every partition, merged. */
  private Map<Long, TopicDayCounts> subjectDays(HttpExchange exchange) throws IOException {
    return AnalyticsQueries.mergeTopicDays(collect(exchange, "/api/topics", p -> queries.topicDaysPart(p, true)).parts());
  }

  private Object topics(int days, Map<Long, TopicDayCounts> store) {
    Long latest = store.isEmpty() ? null : ((java.util.TreeMap<Long, TopicDayCounts>) store).lastKey();
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

  private Object series(String topic, int days, Map<Long, TopicDayCounts> store) {
    List<Map<String, Object>> points = new ArrayList<>();
    if (!store.isEmpty()) {
      long first = ((java.util.TreeMap<Long, TopicDayCounts>) store).firstKey();
      long latest = ((java.util.TreeMap<Long, TopicDayCounts>) store).lastKey();
      // One window ending on each day with data: a window reaching past the latest day is still
      // filling and is left out, rather than drawn as a drop; the one ending on the latest day
      // holds a day that may still be open, so it is provisional.
      for (long end = first; end <= latest; end++) {
        long start = end - days + 1;
        TopicCountsTopology.WindowSum sum = TopicCountsTopology.sum(store::get, start, days);
        long count = sum.counts().getOrDefault(topic, 0L);
        points.add(Map.of(
            "start", LocalDate.ofEpochDay(start).toString(),
            "end", LocalDate.ofEpochDay(end + 1).toString(),
            "count", count, "total", sum.total(),
            "share", sum.total() == 0 ? 0.0 : (double) count / sum.total(),
            "final", end < latest));
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

  private static TrendWindow trendWindow(String window) {
    return TrendWindow.parse(window)
        .orElseThrow(() -> new ApiException(400, "window must be one of P1D, P7D, P28D, not '" + window + "'"));
  }

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

  /**
   * The trending keywords of the window ending on {@code day} (null: the latest day with papers),
   * merged from every partition's tests; final once the day has closed.
   */
  private Object trending(HttpExchange exchange, TrendWindow window, Long day, int limit) throws IOException {
    Long latest = null;
    Long closed = null;
    for (JsonNode d : collect(exchange, "/api/keywords/trending", p -> queries.daysPart(p, true)).parts()) {
      if (d.path("latestDay").isNumber()) {
        latest = latest == null ? d.path("latestDay").asLong() : Math.max(latest, d.path("latestDay").asLong());
      }
      if (d.path("closedThrough").isNumber()) {
        closed = closed == null ? d.path("closedThrough").asLong() : Math.min(closed, d.path("closedThrough").asLong());
      }
    }
    Long target = day != null ? day : latest;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("window", window.name());
    if (target == null) {
      out.put("day", "");
      out.put("final", false);
      out.put("keywords", List.of());
      return out;
    }
    long end = target;
    String path = "/api/keywords/trending?window=" + window.name() + "&day=" + LocalDate.ofEpochDay(end);
    Fanout.Parts parts = collect(exchange, path, p -> queries.trendingPart(p, true, end, window));
    out.put("day", LocalDate.ofEpochDay(end).toString());
    out.put("start", LocalDate.ofEpochDay(end - window.days() + 1).toString());
    out.put("final", closed != null && end <= closed);
    out.put("tested", parts.parts().stream().mapToLong(p -> p.path("tests").asLong()).sum());
    out.put("maxQValue", Trending.MAX_Q);
    out.put("keywords", AnalyticsQueries.mergeTrending(parts.parts(), limit));
    return out;
  }

  /** A keyword's daily series and its trends, from the instance that owns its partition. */
  private Object keyword(HttpExchange exchange, String phrase) throws IOException {
    String key = keyOf(phrase);
    int partition = io.paperpulse.streams.AnalyticsPartitioner.partitionOf(key, partitions);
    Object forwarded = forwardIfElsewhere(exchange, key);
    if (forwarded != null) {
      return forwarded;
    }
    Map<String, Object> out = queries.keyword(key, partition, true);
    if (out == null) {
      throw new ApiException(404, "no paper of the last " + TrendWindow.HISTORY_DAYS + " days mentions '" + phrase + "' (key '" + key + "')");
    }
    out.put("watch", watchOrNull(key));
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
    Watch watch = Watch.newBuilder().setKeyword(phrase).build(); // the schema's defaults
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
    out.put("typed", w.getKeyword());
    out.put("minCount", w.getMinCount());
    out.put("minScore", w.getMinScore());
    out.put("maxPValue", w.getMaxPValue());
    out.put("owner", w.getOwner());
    out.put("channel", w.getChannel());
    return out;
  }

  // ---- plumbing ----

  /** Sends the request to the instance owning {@code key}'s partition, if that is not this one. */
  private Object forwardIfElsewhere(HttpExchange exchange, String key) throws IOException {
    if (exchange.getRequestHeaders().containsKey(FORWARDED)) {
      return null;
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(Stores.KEYWORD_DAYS, key, Serdes.String().serializer());
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
    } catch (IOException e) {
      // The owner died, hangs or broke off its answer, and the group has not yet moved its work.
      // A standby copy here answers instead, possibly a few records behind, and says so.
      if (owner.standbyHosts().stream().anyMatch(h -> h.port() == port() && isLocal(h.host()))) {
        exchange.getResponseHeaders().set(STALE, "true");
        return null;
      }
      throw new ApiException(503, "the instance that owns '" + key + "', " + target.getAuthority() + ", does not answer");
    }
  }

  private boolean isLocal(String host) {
    return host.equals(advertisedHost) || host.equals("localhost") || host.equals("127.0.0.1");
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
