package io.paperpulse.streams.api;

import io.paperpulse.streams.AppMetrics;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** {@code GET /metrics}: every meter in Prometheus' text format, the state's gauges read first. */
final class MetricsEndpoint {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final AppMetrics metrics;
  private final Supplier<AppMetrics.StateView> state;

  MetricsEndpoint(AppMetrics metrics, Supplier<AppMetrics.StateView> state) {
    this.metrics = metrics;
    this.state = state;
  }

  Responses.Raw scrape() {
    return new Responses.Raw(CONTENT_TYPE, metrics.scrape(state).getBytes(StandardCharsets.UTF_8));
  }
}
