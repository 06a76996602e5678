package io.paperpulse.streams.subjects;

import io.paperpulse.streams.keywords.KeywordExtractor;
import java.util.Arrays;
import java.util.List;

/**
 * The features the subject classifier reads from a paper: its stemmed content words ({@link
 * KeywordExtractor#words}) and the pairs of adjacent ones (word bigrams), from the title and the
 * abstract separately, hashed into {@code 2^bits} buckets. A title word or bigram counts {@value
 * #TITLE_WEIGHT} times. Each bucket's value is {@code 1 + ln(count)}, and the vector has unit
 * length, so a long abstract weighs no more than a short one.
 */
public final class SubjectFeatures {
  static final int TITLE_WEIGHT = 2;

  /** Sparse features: bucket indices in ascending order and their values. */
  public record Vector(int[] buckets, float[] values) {}

  private SubjectFeatures() {}

  /** The feature vector of a paper. */
  public static Vector of(String title, String text, int bits) {
    int[] hits = hits(KeywordExtractor.words(title), KeywordExtractor.words(text), bits);
    Arrays.sort(hits);
    int distinct = 0;
    for (int i = 0; i < hits.length; i++) {
      distinct += i == 0 || hits[i] != hits[i - 1] ? 1 : 0;
    }
    int[] buckets = new int[distinct];
    float[] values = new float[distinct];
    double norm = 0;
    for (int i = 0, j = 0; i < hits.length; j++) {
      int run = i;
      while (run < hits.length && hits[run] == hits[i]) {
        run++;
      }
      buckets[j] = hits[i];
      values[j] = (float) (1 + StrictMath.log(run - i));
      norm += values[j] * values[j];
      i = run;
    }
    float inverse = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int j = 0; j < distinct; j++) {
      values[j] *= inverse;
    }
    return new Vector(buckets, values);
  }

  /** The bucket of every word and bigram occurrence, each title one {@value #TITLE_WEIGHT} times. */
  private static int[] hits(List<String> title, List<String> text, int bits) {
    int[] hits = new int[2 * (TITLE_WEIGHT * title.size() + text.size())];
    int n = add(title, TITLE_WEIGHT, bits, hits, 0);
    n = add(text, 1, bits, hits, n);
    return Arrays.copyOf(hits, n);
  }

  private static int add(List<String> words, int weight, int bits, int[] hits, int n) {
    for (int i = 0; i < words.size(); i++) {
      int word = bucket(words.get(i), bits);
      int bigram = i == 0 ? -1 : bucket(words.get(i - 1) + " " + words.get(i), bits);
      for (int w = 0; w < weight; w++) {
        hits[n++] = word;
        if (bigram >= 0) {
          hits[n++] = bigram;
        }
      }
    }
    return n;
  }

  /** The bucket of a word or bigram: FNV-1a over its chars, mixed by a murmur3 finaliser. */
  static int bucket(String feature, int bits) {
    int h = 0x811c9dc5;
    for (int i = 0; i < feature.length(); i++) {
      h = (h ^ feature.charAt(i)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h >>> (32 - bits);
  }
}
