package io.paperpulse.streams.trends;

/**
 * Binomial tail probabilities through the regularized incomplete beta function, exact for any
 * number of trials in a few dozen steps: {@code P(X >= k) = I_p(k, n - k + 1)}.
 */
public final class Binomial {
  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;

  private Binomial() {}

  /** P(X >= k) for X ~ Binomial(n, p). */
  public static double upperTail(long k, long n, double p) {
    if (k <= 0) {
      return 1.0;
    }
    if (k > n || p <= 0) {
      return 0.0;
    }
    if (p >= 1) {
      return 1.0;
    }
    return regularizedBeta(p, k, n - k + 1);
  }

  /** I_x(a, b), by the continued fraction on whichever side converges fast. */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0.0;
    }
    if (x >= 1) {
      return 1.0;
    }
    double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * continuedFraction(x, a, b) / a;
    }
    return 1.0 - Math.exp(logFront) * continuedFraction(1 - x, b, a) / b;
  }

  /** The continued fraction of the incomplete beta function (modified Lentz). */
  private static double continuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = 1 / (Math.abs(d) < TINY ? TINY : d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < EPSILON) {
        break;
      }
    }
    return h;
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }

  /** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms). */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double[] g = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    double z = x - 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) {
      sum += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
