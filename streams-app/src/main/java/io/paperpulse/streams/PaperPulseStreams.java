package io.paperpulse.streams;

import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.common.util.Backoff;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.api.ApiServer;
import io.paperpulse.streams.api.StreamsApi;
import io.paperpulse.streams.digests.DigestTopology;
import io.paperpulse.streams.digests.KafkaSubscriptions;
import io.paperpulse.streams.digests.SubscriptionApi;
import io.paperpulse.streams.digests.UnsubscribeTokens;
import io.paperpulse.streams.enrichment.Enricher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams app: creates its topics, runs {@link PaperPulseTopology} with exactly-once
 * processing, and serves the HTTP API and Prometheus metrics ({@code /metrics}). {@link #close} stops both; state is kept in the state
 * directory and resumes from the committed offsets on the next start.
 */
public final class PaperPulseStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PaperPulseStreams.class);

  /**
   * How to run the app.
   *
   * @param applicationId Kafka Streams application id; a new one reprocesses history from scratch
   * @param stateDir where RocksDB state lives
   * @param httpHost host name other instances reach this one's API at
   * @param httpPort the API's port
   * @param threads stream threads
   */
  public record Settings(String applicationId, Path stateDir, String httpHost, int httpPort, int threads) {}

  private final KafkaStreams streams;
  /** The daily digests: a consumer of {@code trends.papers} under an application id of its own. */
  private final KafkaStreams digests;
  private final ApiServer api;
  private final KafkaSubscriptions subscriptions;
  private final Counters counters;
  private final AppMetrics metrics;

  private PaperPulseStreams(
      KafkaStreams streams, KafkaStreams digests, ApiServer api, KafkaSubscriptions subscriptions, Counters counters, AppMetrics metrics) {
    this.streams = streams;
    this.digests = digests;
    this.api = api;
    this.subscriptions = subscriptions;
    this.counters = counters;
    this.metrics = metrics;
  }

  /** Kafka Streams settings: the config's client properties, then the ones PaperPulse relies on. */
  public static Properties streamsProperties(PaperPulseConfig config, Settings settings) {
    Properties props = new Properties();
    props.putAll(config.kafka());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.httpHost() + ":" + settings.httpPort());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // With a second instance, a warm copy of each store there: it takes over quickly when one dies,
    // and answers queries (marked stale) while the group rebalances.
    props.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    // Metrics reach Prometheus through Micrometer, which reads them from the client. Kafka's own
    // JMX reporter would register and remove an MBean each time a store iterator opens and closes
    // (the "oldest open iterator" gauge): a third of the trends' CPU when a day is judged.
    props.putIfAbsent(StreamsConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
    // A write cache for the stores whose keys many papers of a commit write (a day's papers and
    // subjects, the windowed counts): each key reaches RocksDB and its changelog once a commit.
    props.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    props.putIfAbsent("enable.metrics.push", false);
    return props;
  }

  /** Creates missing topics, starts the topology and the API; returns without waiting for RUNNING. */
  public static PaperPulseStreams start(PaperPulseConfig config, Settings settings, AnalyticsSettings analytics)
      throws InterruptedException, ExecutionException, TimeoutException, IOException {
    TopicSetup.ensure(config, Topics.ALL);
    Counters counters = new Counters();
    AppMetrics metrics = new AppMetrics(settings.applicationId(), settings.httpHost() + ":" + settings.httpPort(), counters, AppMetrics.REFRESH_EVERY);
    TopicSerdes serdes = TopicSerdes.registry(config);
    KeyUpgrade.run(config, serdes, Duration.ofSeconds(30));
    int partitions = TopicSetup.partitions(config, Topics.PAPERS);
    AnalyticsSettings settingsForTopic =
        analytics.withSourcePartitions(partitions).withIdfPartitions(analytics.idfPartitions() == 0 ? 0 : partitions);
    UnsubscribeTokens tokens = UnsubscribeTokens.configured(System.getenv(), settings.stateDir());
    String publicUrl = UnsubscribeTokens.publicUrl(System.getenv(), "http://" + settings.httpHost() + ":" + settings.httpPort());
    KafkaStreams streams = new KafkaStreams(
        PaperPulseTopology.build(settingsForTopic, Enricher.bundled(), serdes, counters), streamsProperties(config, settings));
    metrics.bind(streams);
    streams.setUncaughtExceptionHandler(new ThreadReplacer());
    streams.setStateListener((now, before) -> LOG.info("streams state {} -> {}", before, now));
    KafkaStreams digests = new KafkaStreams(
        DigestTopology.build(serdes, email -> tokens.linkFor(publicUrl, email)), digestProperties(config, settings));
    digests.setUncaughtExceptionHandler(new ThreadReplacer());
    digests.setStateListener((now, before) -> LOG.info("digests state {} -> {}", before, now));
    int analyticsPartitions = settingsForTopic.analyticsPartitions() > 0 ? settingsForTopic.analyticsPartitions() : partitions;
    KafkaSubscriptions subscriptions = new KafkaSubscriptions(digests, config, serdes);
    ApiServer api = StreamsApi.server(streams, config, serdes, metrics, settings.httpHost(), settings.httpPort(), analyticsPartitions,
        new SubscriptionApi(subscriptions, tokens, Clock.systemUTC()));
    streams.start();
    digests.start();
    api.start();
    return new PaperPulseStreams(streams, digests, api, subscriptions, counters, metrics);
  }

  /**
   * The digests' settings: the app's, under the application id {@code <id>-digests} with one
   * thread. The digests read {@code trends.papers} as any other service would; the app itself
   * cannot, since its API reads that topic as a global table.
   */
  static Properties digestProperties(PaperPulseConfig config, Settings settings) {
    Properties props = streamsProperties(config, settings);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId() + "-digests");
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    return props;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public AppMetrics metrics() {
    return metrics;
  }

  public Counters counters() {
    return counters;
  }

  public int httpPort() {
    return api.port();
  }

  /**
   * Records the app's stream threads have still to read, summed over the partitions they own (their
   * consumers' {@code records-lag}); -1 while no consumer knows its lag yet.
   */
  public long backlog() {
    double lag = 0;
    boolean known = false;
    for (var metric : streams.metrics().values()) {
      var name = metric.metricName();
      String client = name.tags().getOrDefault("client-id", "");
      if (name.name().equals("records-lag") && name.group().equals("consumer-fetch-manager-metrics")
          && name.tags().containsKey("partition") && client.endsWith("-consumer") && !client.endsWith("restore-consumer")
          && metric.metricValue() instanceof Double value && !value.isNaN()) {
        lag += value;
        known = true;
      }
    }
    return known ? (long) lag : -1;
  }

  /** Waits until the app and its digests are RUNNING; false if either failed or the wait timed out. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (streams.state() == KafkaStreams.State.RUNNING && digests.state() == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (failed(streams) || failed(digests)) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static boolean failed(KafkaStreams app) {
    return app.state() == KafkaStreams.State.ERROR || app.state() == KafkaStreams.State.NOT_RUNNING;
  }

  /**
   * Replaces a failed stream thread; the new one resumes from the last commit. When the registry
   * could not be reached, it first waits, doubling the wait up to 10 s, so an outage is ridden out
   * without spinning.
   */
  private static final class ThreadReplacer implements StreamsUncaughtExceptionHandler {
    private int registryMisses;

    @Override
    public StreamThreadExceptionResponse handle(Throwable e) {
      if (RegistryUnavailableException.isCause(e)) {
        long delay = Backoff.DEFAULT.delayAfter(++registryMisses).toMillis();
        LOG.warn("{}; retrying in {} ms", RegistryUnavailableException.describe(e), delay);
        try {
          Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      } else {
        registryMisses = 0;
        LOG.error("stream thread failed; replacing it", e);
      }
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
  }

  @Override
  public void close() {
    api.close();
    subscriptions.close();
    digests.close(Duration.ofSeconds(30));
    streams.close(Duration.ofSeconds(30));
    metrics.close();
  }
}
