package io.paperpulse.streams.trends;

/** Poisson tail probabilities, for small counts where a normal approximation misleads. */
public final class Poisson {
  private Poisson() {}

  /** P(X >= k) for X ~ Poisson(lambda). */
  public static double upperTail(long k, double lambda) {
    if (k <= 0) {
      return 1.0;
    }
    if (lambda <= 0) {
      return 0.0;
    }
    // P(X >= k) = 1 - P(X <= k-1); sum the lower terms in log space for stability.
    double term = Math.exp(-lambda);
    double cdf = term;
    for (long i = 1; i < k; i++) {
      term *= lambda / i;
      cdf += term;
      if (term == 0 && i > lambda) {
        break;
      }
    }
    if (cdf < 0.99) {
      return 1.0 - cdf;
    }
    // Near 1 the subtraction loses precision: sum the upper tail directly instead.
    double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
    double tail = 0;
    for (long i = k; i < k + 10_000; i++) {
      double t = Math.exp(logTerm);
      tail += t;
      if (t < tail * 1e-17) {
        break;
      }
      logTerm += Math.log(lambda) - Math.log(i + 1);
    }
    return Math.min(1.0, tail);
  }

  static double logFactorial(long n) {
    double sum = 0;
    for (long i = 2; i <= n; i++) {
      sum += Math.log(i);
    }
    return sum;
  }
}
