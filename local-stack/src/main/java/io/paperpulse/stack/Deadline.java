package io.paperpulse.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes. Never a fixed sleep. */
public final class Deadline {
  private static final long POLL_MILLIS = 100;

  private Deadline() {}

  /**
   * Waits for {@code condition}.
   *
   * @param giveUp checked on each poll; when true the wait ends early with false (a process died)
   * @return true when the condition held in time
   */
  public static boolean await(Duration timeout, BooleanSupplier condition, BooleanSupplier giveUp)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (giveUp.getAsBoolean() || System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
