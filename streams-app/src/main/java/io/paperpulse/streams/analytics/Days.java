package io.paperpulse.streams.analytics;

import java.time.Instant;

/** Event time in whole UTC days, the unit of every window in PaperPulse. */
public final class Days {
  public static final long MILLIS = 86_400_000L;

  private Days() {}

  public static long of(long epochMillis) {
    return Math.floorDiv(epochMillis, MILLIS);
  }

  public static long of(Instant time) {
    return of(time.toEpochMilli());
  }

  public static long startMillis(long epochDay) {
    return epochDay * MILLIS;
  }
}
