package io.paperpulse.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import io.paperpulse.streams.subjects.Taxonomy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Every meter of the streams app, in one place, exported in the Prometheus format. The names here
 * are what dashboards and alert rules query; {@code AppMetricsTest} guards them.
 *
 * <p>Cardinality is bounded: subject gauges exist only for the taxonomy's subjects and three window
 * sizes, and keyword gauges only for the current top trending keywords of each window (1, 7 and 28
 * days) and the watched keywords (a keyword that leaves both sets loses its series at the next
 * refresh).
 *
 * <p>Names that dashboards and rules query keep "topic": the subject gauge {@code
 * paperpulse.topic.papers} with its label {@code topic} (the subject), and the stage {@code
 * topic-counts} of the late papers.
 */
public final class AppMetrics implements AutoCloseable {
  public static final String CONSUMED = "paperpulse.papers.consumed";
  public static final String ENRICHED = "paperpulse.papers.enriched";
  public static final String DUPLICATES = "paperpulse.papers.duplicates";
  public static final String DEAD_LETTERED = "paperpulse.papers.dead.lettered";
  public static final String LATE = "paperpulse.papers.late";
  public static final String SUBJECT_PAPERS = "paperpulse.topic.papers";
  public static final String KEYWORD_SCORE = "paperpulse.keyword.trend.score";
  public static final String KEYWORD_COUNT = "paperpulse.keyword.trend.count";
  public static final String KEYWORD_BASELINE = "paperpulse.keyword.trend.baseline";
  public static final String ALERTS = "paperpulse.keyword.spike.alerts";
  public static final String LATENCY = "paperpulse.enrichment.latency";
  /** How often the app's gauges read its state, at most: a fifth of Prometheus' default scrape interval. */
  public static final Duration REFRESH_EVERY = Duration.ofSeconds(3);

  /** What the metrics read from the app's state: the daily subject counts and the trending keywords. */
  public interface StateView {
    /** Daily subject counts by epoch day, or an empty map while the state is not queryable. */
    Map<Long, TopicDayCounts> subjectDays();

    /** The latest day's top trends of each window, and each watched keyword's trend in each window. */
    List<KeywordTrend> keywordTrends();
  }

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final long refreshEveryNanos;
  private volatile Long lastRefresh;
  private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "metrics-refresh");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Map<Long, TopicDayCounts>> days = new AtomicReference<>(Map.of());
  private final MultiGauge keywordScore;
  private final MultiGauge keywordCount;
  private final MultiGauge keywordBaseline;
  private final Timer latency;
  private KafkaStreamsMetrics streamsMetrics;

  /**
   * @param refreshEvery how old the state the gauges show may get before a scrape reads it again:
   *     reading the trending lists of an open day costs a pass over its keywords, and scrapes that
   *     come faster than the lists change should not pay it each time
   */
  public AppMetrics(String application, String instance, Counters counters, Duration refreshEvery) {
    this.refreshEveryNanos = refreshEvery.toNanos();
    registry.config().commonTags(Tags.of("application", application, "instance", instance));
    FunctionCounter.builder(CONSUMED, counters.consumed, Number::doubleValue)
        .description("Records read from topic papers").register(registry);
    FunctionCounter.builder(ENRICHED, counters.enriched, Number::doubleValue)
        .description("Papers enriched and written to papers.enriched").register(registry);
    FunctionCounter.builder(DUPLICATES, counters.duplicates, Number::doubleValue)
        .description("Papers dropped because their id was already enriched").register(registry);
    FunctionCounter.builder(DEAD_LETTERED, counters.deadLettered, Number::doubleValue)
        .description("Records written to papers.dlq").register(registry);
    FunctionCounter.builder(LATE, counters.lateForCounts, Number::doubleValue)
        .tag("stage", "topic-counts").description("Papers too late for every window").register(registry);
    FunctionCounter.builder(LATE, counters.lateForTrends, Number::doubleValue)
        .tag("stage", "keyword-trends").description("Papers whose day had closed").register(registry);
    for (String subject : Taxonomy.allSubjects()) {
      for (int window : SubjectCountsTopology.WINDOW_DAYS) {
        Gauge.builder(SUBJECT_PAPERS, () -> windowCount(subject, window))
            .tags("topic", subject, "window", SubjectCountsTopology.window(window))
            .description("Papers of the subject (label topic) in the window ending with the latest day")
            .register(registry);
      }
    }
    keywordScore = MultiGauge.builder(KEYWORD_SCORE).description("Trend score of a top or watched keyword").register(registry);
    keywordCount = MultiGauge.builder(KEYWORD_COUNT).description("Papers with the keyword in the window ending with the latest day").register(registry);
    keywordBaseline = MultiGauge.builder(KEYWORD_BASELINE).description("The keyword's share of all papers in the baseline period before the window").register(registry);
    latency = Timer.builder(LATENCY)
        .description("From the producer ingesting a paper to its enrichment")
        // Buckets, not client-side percentiles: histogram_quantile() aggregates them across instances.
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
    counters.enrichmentLatency = millis -> latency.record(Duration.ofMillis(Math.max(0, millis)));
    counters.alertRaised =
        alert ->
            Counter.builder(ALERTS)
                .description("Spike alerts raised; alerts are rare, so the keyword tag stays bounded")
                .tags("keyword", alert.getKeyword(), "watched", String.valueOf(alert.getWatched()))
                .register(registry)
                .increment();
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The registry {@code /metrics} shows, for what runs beside the app (the digest mailer of {@code up}). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Binds Kafka Streams' own metrics (threads, tasks, stores, clients). */
  public void bind(org.apache.kafka.streams.KafkaStreams streams) {
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
  }

  /** Reads the state the gauges show; call before each scrape. */
  public void refresh(StateView state) {
    days.set(state.subjectDays());
    List<MultiGauge.Row<?>> scores = new ArrayList<>();
    List<MultiGauge.Row<?>> counts = new ArrayList<>();
    List<MultiGauge.Row<?>> baselines = new ArrayList<>();
    Map<String, KeywordTrend> latest = new LinkedHashMap<>();
    for (KeywordTrend trend : state.keywordTrends()) {
      latest.putIfAbsent(trend.getKeyword() + "|" + trend.getWindow(), trend);
    }
    for (KeywordTrend trend : latest.values()) {
      Tags tags = Tags.of("keyword", trend.getKeyword(), "window", trend.getWindow());
      scores.add(MultiGauge.Row.of(tags, trend.getScore()));
      counts.add(MultiGauge.Row.of(tags, trend.getCount()));
      baselines.add(MultiGauge.Row.of(tags, trend.getBaseline()));
    }
    keywordScore.register(scores, true);
    keywordCount.register(counts, true);
    keywordBaseline.register(baselines, true);
  }

  /**
   * The Prometheus text exposition of every meter. Once the state the gauges show is older than
   * the refresh interval, it is read again in the background, and this scrape shows the reading
   * before: reading the open day's trending lists can take seconds on a large state, longer than a
   * scrape may wait. With a zero interval each scrape reads the state itself.
   */
  public String scrape(Supplier<StateView> state) {
    if (refreshEveryNanos == 0) {
      synchronized (this) {
        refresh(state.get());
      }
      return registry.scrape();
    }
    long now = System.nanoTime();
    Long last = lastRefresh;
    if ((last == null || now - last >= refreshEveryNanos) && refreshing.compareAndSet(false, true)) {
      refresher.execute(() -> {
        try {
          refresh(state.get());
        } finally {
          lastRefresh = System.nanoTime();
          refreshing.set(false);
        }
      });
    }
    return registry.scrape();
  }

  private double windowCount(String subject, int length) {
    Map<Long, TopicDayCounts> snapshot = days.get();
    if (snapshot.isEmpty()) {
      return 0;
    }
    long latest = snapshot.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
    return SubjectCountsTopology.sum(snapshot::get, latest - length + 1, length).counts().getOrDefault(subject, 0L);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    registry.close();
  }
}
