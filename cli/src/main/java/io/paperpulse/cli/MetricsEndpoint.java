package io.paperpulse.cli;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A command's own {@code /metrics} for Prometheus, on {@code --metrics-port}, for commands without the app's HTTP API. */
final class MetricsEndpoint implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpServer server;

  MetricsEndpoint(int port, String application, String instance) throws IOException {
    registry.config().commonTags("application", application, "instance", instance);
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

  PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    server.stop(0);
    registry.close();
  }
}
