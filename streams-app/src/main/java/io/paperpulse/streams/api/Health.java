package io.paperpulse.streams.api;

import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /api/health}: whether this instance's streams app runs, for liveness and readiness
 * probes. Rebalancing counts as running: the group moves partitions and the app answers from what
 * it holds. Any other state (an error, a shutdown) is a 503.
 *
 * @param status always "up"; a down app answers 503 with the reason
 * @param state the Kafka Streams state
 * @param streamThreads stream threads alive on this instance
 */
record Health(String status, String state, int streamThreads) {
  static Health of(KafkaStreams.State state, int streamThreads) {
    if (!state.isRunningOrRebalancing()) {
      throw ApiException.unavailable("the streams app is " + state);
    }
    return new Health("up", state.name(), streamThreads);
  }

  static Health of(KafkaStreams streams) {
    return of(streams.state(), streams.metadataForLocalThreads().size());
  }
}
