package io.paperpulse.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.paperpulse.producer.publish.PublishJob;
import java.io.IOException;
import java.util.function.ToDoubleFunction;

/**
 * The producer's progress as Prometheus metrics on {@code /metrics}, while {@code publish} or
 * {@code replay} runs with {@code --metrics-port}.
 */
final class ProducerMetrics implements AutoCloseable {
  static final String PREFIX = "paperpulse.producer.records.";

  private final MetricsEndpoint endpoint;

  ProducerMetrics(int port, String clientId) throws IOException {
    endpoint = new MetricsEndpoint(port, "paperpulse-producer", clientId);
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
    FunctionCounter.builder(PREFIX + name, job, value).description(description).register(endpoint.registry());
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
