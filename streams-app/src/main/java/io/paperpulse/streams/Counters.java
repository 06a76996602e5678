package io.paperpulse.streams;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the topologies did with the papers they read. The metrics of the app read these;
 * {@code consumed = enriched + duplicates + deadLettered}.
 */
public final class Counters {
  public final AtomicLong consumed = new AtomicLong();
  public final AtomicLong enriched = new AtomicLong();
  public final AtomicLong duplicates = new AtomicLong();
  public final AtomicLong deadLettered = new AtomicLong();
  /** Papers too late for every window of the subject counts. */
  public final AtomicLong lateForCounts = new AtomicLong();
  /** Papers too late for the keyword trends (their day had closed). */
  public final AtomicLong lateForTrends = new AtomicLong();
  public final AtomicLong alerts = new AtomicLong();
  /** Told, for each enriched paper, the milliseconds from its ingestion by the producer. */
  public volatile java.util.function.LongConsumer enrichmentLatency = millis -> {};
  /** Told of each alert raised. */
  public volatile java.util.function.Consumer<io.paperpulse.avro.SpikeAlert> alertRaised = alert -> {};
}
