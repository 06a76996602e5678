package io.paperpulse.streams.trends;

import java.util.Arrays;

/**
 * Benjamini-Hochberg q-values: with tens of thousands of keywords tested each day, a p-value of
 * 0.001 happens by chance dozens of times; a q-value bounds the share of false discoveries among
 * the keywords that pass it.
 */
public final class FalseDiscovery {
  private FalseDiscovery() {}

  /**
   * The q-value of each p-value, in the same order. {@code tests} is how many tests were made in
   * all, at least {@code pValues.length}: keywords whose p-values are not given (too large to
   * matter) still count as tests.
   */
  public static double[] qValues(double[] pValues, long tests) {
    int n = pValues.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(pValues[x], pValues[y]));
    double[] q = new double[n];
    double running = 1.0;
    long m = Math.max(tests, n);
    for (int rank = n; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      q[i] = Math.min(1.0, running);
    }
    return q;
  }
}
