package io.paperpulse.streams.analytics;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * When a processor closes days by event time: a day is due once the watermark, less the grace,
 * has passed its end. The processor is told each time the first open day moves on, never twice
 * for the same day, so it checks its stores once a day rather than once a record. Only the last
 * day told is kept, in memory: after a restart the first record tells again, and the processor's
 * stored progress says what it closed already.
 */
final class DueDays {
  private final long graceMillis;
  private long firstOpen = Long.MIN_VALUE;

  DueDays(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the grace must not be negative, not " + grace);
    }
    this.graceMillis = grace.toMillis();
  }

  /**
   * Calls {@code close} with the first day still open (every day before it is due) when the
   * watermark has moved it past the one of the last call.
   *
   * @param watermark the newest event time seen, in epoch milliseconds
   */
  void advance(long watermark, LongConsumer close) {
    long open = Math.floorDiv(watermark - graceMillis, Days.MILLIS);
    if (open > firstOpen) {
      firstOpen = open;
      close.accept(open);
    }
  }
}
