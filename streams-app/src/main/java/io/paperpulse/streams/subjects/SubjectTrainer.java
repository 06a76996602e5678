package io.paperpulse.streams.subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fits a {@link SubjectClassifier}: multinomial logistic regression over {@link SubjectFeatures},
 * minimising the mean cross-entropy plus {@code l2 / 2} times the squared weights by stochastic
 * gradient descent, one paper at a time in an order shuffled each epoch by a seeded {@link Random},
 * with the rate {@code rate / (1 + rate * l2 * t)} at step {@code t}. The same papers in the same
 * order with the same {@link Settings} give the same model, bit for bit: training is one thread
 * and uses {@link StrictMath}.
 *
 * <p>The fitted model then drops every weight below {@code minWeight} in size and stores the rest as
 * 16-bit multiples of one step.
 */
public final class SubjectTrainer {
  /** The choices of a training run. */
  public record Settings(int bits, int epochs, double rate, double l2, double minWeight, long seed) {
    /** The settings of the bundled model. */
    public static final Settings DEFAULTS = new Settings(18, 10, 0.5, 1e-5, 0.1, 20250318L);
  }

  private final Settings settings;
  private final List<SubjectFeatures.Vector> papers = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();

  public SubjectTrainer(Settings settings) {
    this.settings = settings;
  }

  /** Adds one training paper and its subject. */
  public void add(String subject, String title, String text) {
    papers.add(SubjectFeatures.of(title, text, settings.bits()));
    labels.add(subject);
  }

  /** Fits the model to the papers added so far. */
  public SubjectClassifier train() {
    List<String> subjects = List.copyOf(new TreeSet<>(labels));
    int[] truth = labels.stream().mapToInt(subjects::indexOf).toArray();
    Fit fit = new Fit(subjects.size(), 1 << settings.bits(), settings.l2());
    Random random = new Random(settings.seed());
    int[] order = new int[papers.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long t = 0;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, random);
      for (int i : order) {
        fit.step(papers.get(i), truth[i], settings.rate() / (1 + settings.rate() * settings.l2() * t++));
      }
    }
    return fit.compact(subjects, settings.bits(), settings.minWeight());
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /**
   * The weights while fitting, dense, bucket-major ({@code w[bucket * subjects + subject]}), all times
   * {@code scale}: the L2 shrinkage of every weight at each step is one multiplication of {@code
   * scale}, so a step costs the paper's features only.
   */
  private static final class Fit {
    private final int subjects;
    private final double l2;
    private final float[] w;
    private final double[] bias;
    private double scale = 1;

    Fit(int subjects, int buckets, double l2) {
      this.subjects = subjects;
      this.l2 = l2;
      this.w = new float[buckets * subjects];
      this.bias = new double[subjects];
    }

    void step(SubjectFeatures.Vector x, int truth, double rate) {
      double[] p = bias.clone();
      for (int i = 0; i < x.buckets().length; i++) {
        int row = x.buckets()[i] * subjects;
        double value = x.values()[i] * scale;
        for (int k = 0; k < subjects; k++) {
          p[k] += value * w[row + k];
        }
      }
      SubjectClassifier.softmax(p);
      p[truth] -= 1;
      scale *= 1 - rate * l2;
      for (int k = 0; k < subjects; k++) {
        bias[k] -= rate * p[k];
      }
      for (int i = 0; i < x.buckets().length; i++) {
        int row = x.buckets()[i] * subjects;
        double value = rate * x.values()[i] / scale;
        for (int k = 0; k < subjects; k++) {
          w[row + k] -= (float) (value * p[k]);
        }
      }
      if (scale < 1e-3) {
        for (int e = 0; e < w.length; e++) {
          w[e] *= (float) scale;
        }
        scale = 1;
      }
    }

    /** The model with the weights of at least {@code minWeight} in size, as 16-bit multiples of one step. */
    SubjectClassifier compact(List<String> names, int bits, double minWeight) {
      double max = 0;
      int kept = 0;
      for (float e : w) {
        max = Math.max(max, Math.abs(e * scale));
        kept += Math.abs(e * scale) >= minWeight ? 1 : 0;
      }
      float step = max == 0 ? 1 : (float) (max / Short.MAX_VALUE);
      int[] start = new int[(1 << bits) + 1];
      byte[] subject = new byte[kept];
      short[] weight = new short[kept];
      int n = 0;
      for (int b = 0; b < start.length - 1; b++) {
        for (int k = 0; k < subjects; k++) {
          double value = w[b * subjects + k] * scale;
          if (Math.abs(value) >= minWeight) {
            subject[n] = (byte) k;
            weight[n++] = (short) Math.round(value / step);
          }
        }
        start[b + 1] = n;
      }
      float[] biases = new float[subjects];
      for (int k = 0; k < subjects; k++) {
        biases[k] = (float) bias[k];
      }
      return new SubjectClassifier(names, bits, biases, step, start, subject, weight);
    }
  }
}
