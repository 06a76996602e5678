package io.paperpulse.cli;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperpulse.producer.publish.PublishJob;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.ToDoubleFunction;

/**
 * The producer's progress as Prometheus metrics on {@code /metrics}, while {@code publish} or
 * {@code replay} runs with {@code --metrics-port}.
 */
final class ProducerMetrics implements AutoCloseable {
  static final String PREFIX = "paperpulse.producer.records.";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;

  ProducerMetrics(int port, String clientId) throws IOException {
    registry.config().commonTags("application", "paperpulse-producer", "instance", clientId);
    new JvmMemoryMetrics().bindTo(registry);
    server = HttpServer.create(new InetSocketAddress(port), 8);
    server.createContext("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** Counts what {@code job} does from now on. */
  void watch(PublishJob job) {
    counter("read", "Records read from the inputs", job, PublishJob::read);
    counter("published", "Papers the broker acknowledged", job, j -> j.publisher().acknowledged());
    counter("duplicates", "Papers whose id was already sent in this run", job, j -> j.publisher().duplicates());
    counter("rejected", "Records that were not papers", job, PublishJob::rejected);
    counter("skipped", "Papers outside the date range", job, PublishJob::skipped);
    counter("failed", "Papers the broker did not acknowledge", job, j -> j.publisher().failed());
  }

  private void counter(String name, String description, PublishJob job, ToDoubleFunction<PublishJob> value) {
    FunctionCounter.builder(PREFIX + name, job, value).description(description).register(registry);
  }

  @Override
  public void close() {
    server.stop(0);
    registry.close();
  }
}
