package io.paperpulse.producer.publish;

import java.io.PrintStream;

/**
 * Shows how far a publish run is: a bar redrawn in place on a terminal, or a plain line every few
 * seconds when the output is a file or a pipe.
 */
public final class Progress {
  private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
  private static final long BAR_INTERVAL_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastShown = start;
  private boolean drawn;

  public Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A progress display that prints nothing. */
  public static Progress none() {
    return new Progress(null, false);
  }

  public void update(long done, long total, String unit, long published) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastShown < (terminal ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS)) {
      return;
    }
    lastShown = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    String counts =
        String.format("%,d/%,d %s, %,d published, %,.0f papers/s", done, total, unit, published, published / seconds);
    if (terminal) {
      int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
      out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + counts + "  ");
      drawn = true;
    } else {
      out.println("progress: " + counts);
    }
    out.flush();
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  public void finish() {
    if (out != null && drawn) {
      out.println();
      drawn = false;
    }
  }
}
