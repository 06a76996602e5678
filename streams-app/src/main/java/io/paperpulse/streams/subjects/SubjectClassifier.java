package io.paperpulse.streams.subjects;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Guesses the subjects of a paper that has no arXiv categories (trending pages, some feeds) from its
 * words: a multinomial logistic regression (softmax) over the hashed word and bigram features of
 * {@link SubjectFeatures}, trained by {@link SubjectTrainer} on arXiv listings whose primary category
 * gives the subject. The model keeps a bias per subject and, per feature bucket, only the weights that
 * matter, each quantised to a multiple of one step, so the bundled file stays small and a prediction
 * touches a few hundred weights.
 */
public final class SubjectClassifier {
  public static final String RESOURCE = "/io/paperpulse/streams/model/subject-model.bin.gz";
  /** Written into every model file; it keeps "topics" so that existing model files stay readable. */
  private static final String FORMAT = "paperpulse-topics-softmax-1";

  /** A subject and how likely it is; the scores of one answer sum to 1. */
  public record Prediction(String subject, double score) {}

  private final List<String> subjects;
  private final int bits;
  private final float[] bias;
  private final float step;
  /** The weights of bucket {@code b} are entries {@code start[b]} to {@code start[b + 1]} (excluded). */
  private final int[] start;
  private final byte[] subject;
  private final short[] weight;

  SubjectClassifier(List<String> subjects, int bits, float[] bias, float step, int[] start, byte[] subject, short[] weight) {
    if (subjects.size() > Byte.MAX_VALUE || start.length != (1 << bits) + 1) {
      throw new IllegalArgumentException("at most 127 subjects and one start per bucket");
    }
    this.subjects = List.copyOf(subjects);
    this.bits = bits;
    this.bias = bias;
    this.step = step;
    this.start = start;
    this.subject = subject;
    this.weight = weight;
  }

  /** The model shipped with PaperPulse. */
  public static SubjectClassifier bundled() {
    try (InputStream in = SubjectClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + ": run 'paperpulse train'");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The subjects this model can answer, in its order. */
  public List<String> subjects() {
    return subjects;
  }

  /** How many weights the model keeps besides the biases. */
  public int weights() {
    return weight.length;
  }

  /** The best {@code limit} subjects, best first, with their probabilities renormalised over those. */
  public List<Prediction> predict(String title, String text, int limit) {
    double[] p = probabilities(SubjectFeatures.of(title, text, bits));
    List<Prediction> all = new ArrayList<>();
    for (int k = 0; k < p.length; k++) {
      all.add(new Prediction(subjects.get(k), p[k]));
    }
    all.sort(Comparator.comparingDouble(Prediction::score).reversed().thenComparing(Prediction::subject));
    List<Prediction> best = all.subList(0, Math.max(0, Math.min(limit, all.size())));
    double sum = best.stream().mapToDouble(Prediction::score).sum();
    return best.stream().map(b -> new Prediction(b.subject(), b.score() / sum)).toList();
  }

  /** The softmax of the subjects' scores for one feature vector. */
  private double[] probabilities(SubjectFeatures.Vector x) {
    double[] score = new double[subjects.size()];
    for (int k = 0; k < score.length; k++) {
      score[k] = bias[k];
    }
    for (int i = 0; i < x.buckets().length; i++) {
      double value = x.values()[i] * (double) step;
      for (int e = start[x.buckets()[i]]; e < start[x.buckets()[i] + 1]; e++) {
        score[subject[e]] += value * weight[e];
      }
    }
    return softmax(score);
  }

  /** {@code exp(s_k) / sum exp(s_j)}, in place; {@link StrictMath} so that training is the same on every machine. */
  static double[] softmax(double[] score) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : score) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < score.length; k++) {
      score[k] = StrictMath.exp(score[k] - max);
      sum += score[k];
    }
    for (int k = 0; k < score.length; k++) {
      score[k] /= sum;
    }
    return score;
  }

  /**
   * Writes the model, gzipped: the format name, the bucket bits, the weight step, the subjects with
   * their biases, the number of weights, then how many weights each bucket has (one byte a bucket),
   * the subject index of every weight and every weight as its multiple of the step.
   */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    DataOutputStream data = new DataOutputStream(gzip);
    data.writeUTF(FORMAT);
    data.writeInt(bits);
    data.writeFloat(step);
    data.writeInt(subjects.size());
    for (int k = 0; k < subjects.size(); k++) {
      data.writeUTF(subjects.get(k));
      data.writeFloat(bias[k]);
    }
    data.writeInt(weight.length);
    for (int b = 0; b < start.length - 1; b++) {
      data.writeByte(start[b + 1] - start[b]);
    }
    data.write(subject);
    for (short w : weight) {
      data.writeShort(w);
    }
    data.flush();
    gzip.finish();
  }

  /** Reads a model that {@link #write} wrote. */
  public static SubjectClassifier read(InputStream gzipped) throws IOException {
    DataInputStream data = new DataInputStream(new GZIPInputStream(gzipped));
    String format = data.readUTF();
    if (!format.equals(FORMAT)) {
      throw new IOException("not a subject model of format " + FORMAT + ": " + format);
    }
    int bits = data.readInt();
    float step = data.readFloat();
    List<String> subjects = new ArrayList<>();
    float[] bias = new float[data.readInt()];
    for (int k = 0; k < bias.length; k++) {
      subjects.add(data.readUTF());
      bias[k] = data.readFloat();
    }
    int[] start = new int[(1 << bits) + 1];
    byte[] subject = new byte[data.readInt()];
    for (int b = 0; b < start.length - 1; b++) {
      start[b + 1] = start[b] + data.readUnsignedByte();
    }
    if (start[start.length - 1] != subject.length) {
      throw new IOException("the bucket sizes do not add up to the number of weights");
    }
    data.readFully(subject);
    short[] weight = new short[subject.length];
    for (int e = 0; e < weight.length; e++) {
      weight[e] = data.readShort();
    }
    return new SubjectClassifier(subjects, bits, bias, step, start, subject, weight);
  }
}
