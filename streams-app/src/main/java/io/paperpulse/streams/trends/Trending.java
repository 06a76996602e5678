package io.paperpulse.streams.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A window's trending list from every keyword tested in it, wherever (on whichever partition)
 * each was evaluated. A keyword is listed when:
 *
 * <ul>
 *   <li>its rise is significant after false-discovery-rate control over all the window's tests
 *       (q ≤ {@value #MAX_Q}), weighted toward names;
 *   <li>its rate is at least {@value #MIN_SCORE} times its usual one, as a lower bound;
 *   <li>it reads as a keyword ({@code listable}: no generic single words, fragments, LaTeX);
 *   <li>it is no {@link #fragment}: a phrase papers write as the start of longer ones ("large
 *       language", "fine-grained semantic") is tested by the keyword trends as no hypothesis;
 *   <li>it is not a part of a longer tested phrase that carries most of its papers ("large
 *       language" inside "large language model").
 * </ul>
 *
 * <p><b>Weights.</b> The q-values are weighted Benjamini-Hochberg (Genovese, Roeder and Wasserman,
 * 2006): each test's p-value is divided by a weight fixed before the counts are seen, and the
 * weights average one over the window's tests, which keeps the false-discovery rate at q. A name
 * ({@link #named}: "GPT-5.5", "DiT", "NeurIPS", "ALFWorld") weighs {@value #NAMED_WEIGHT}, every
 * other phrase the rest: at the same evidence a name that rises is more often an event (a model
 * release, a benchmark, a venue) than a plain phrase, which a single batch of papers from one group
 * can carry.
 *
 * <p>Listed keywords are ranked by score (the rise the counts support), then count, then key.
 */
public final class Trending {
  public static final double MAX_Q = 0.1;
  /** The weight of a name's test; see the class comment. */
  public static final double NAMED_WEIGHT = 2.0;
  /** The largest p-value that can pass: a name's, at q = {@value #MAX_Q}. */
  public static final double CANDIDATE_MAX_P = MAX_Q * NAMED_WEIGHT;
  public static final double MIN_SCORE = 1.25;
  /** Words with digits or capitals that name nothing: a dimension, an ordinal, a size, a number. */
  private static final Pattern NOT_A_NAME = Pattern.compile("\\d+(?:[dD]|st|nd|rd|th|[kKmMbB])?");
  /** A phrase whose papers are mostly inside one longer phrase is a fragment of it. */
  static final double FRAGMENT_SHARE = 0.8;
  /** A phrase fewer of whose papers than this end it where they write it is a fragment. */
  public static final double MIN_END_SHARE = 0.2;

  private Trending() {}

  /** A keyword tested in a window. */
  public record Tested(String key, String label, Evaluation evaluation) {}

  /** A listed keyword with its q-value. */
  public record Listed(Tested tested, double qValue) {}

  /**
   * @param candidates tested keywords whose p-value could pass (others may be left out)
   * @param tests how many keywords were tested in all
   * @param namedTests how many of them were names ({@link #named})
   * @param testedCounts every tested keyword's count, for finding fragments
   * @param listable whether a keyword (key, label) may be listed
   */
  public static List<Listed> rank(
      List<Tested> candidates, long tests, long namedTests, Map<String, Long> testedCounts, BiPredicate<String, String> listable) {
    double[] p = new double[candidates.size()];
    String[] labels = new String[p.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = candidates.get(i).evaluation().pValue();
      labels[i] = candidates.get(i).label();
    }
    double[] q = qValues(p, labels, tests, namedTests);
    Map<String, Long> longest = longestSuperPhrase(testedCounts);
    List<Listed> listed = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      Tested t = candidates.get(i);
      Evaluation e = t.evaluation();
      if (q[i] > MAX_Q || e.score() < MIN_SCORE || !listable.test(t.key(), t.label())) {
        continue;
      }
      if (longest.getOrDefault(t.key(), 0L) >= FRAGMENT_SHARE * e.count()) {
        continue;
      }
      listed.add(new Listed(t, q[i]));
    }
    listed.sort(
        Comparator.comparingDouble((Listed l) -> l.tested().evaluation().score()).reversed()
            .thenComparing(Comparator.comparingLong((Listed l) -> l.tested().evaluation().count()).reversed())
            .thenComparing(l -> l.tested().key()));
    return listed;
  }

  /**
   * The weighted q-values (see the class comment) of keywords tested in one window, in the order
   * given: {@code pValues} and {@code labels} of those whose p-value could pass (others may be left
   * out), among {@code tests} tests of which {@code namedTests} were names.
   */
  public static double[] qValues(double[] pValues, String[] labels, long tests, long namedTests) {
    Weights weights = Weights.of(tests, namedTests);
    double[] weighted = new double[pValues.length];
    for (int i = 0; i < weighted.length; i++) {
      weighted[i] = Math.min(1.0, pValues[i] / weights.of(labels[i]));
    }
    return FalseDiscovery.qValues(weighted, tests);
  }

  /**
   * Whether a keyword is a name by its label: a word with a capital or a digit where papers write it
   * ("GPT-5.5", "DiT", "NeurIPS", "o3"; labels keep case only for named words, so "video generation"
   * is no name). Dimensions, ordinals, sizes and plain numbers are no names: "3D memory", "2nd
   * stage", "7B model", "2024".
   */
  public static boolean named(String label) {
    for (String word : label.split(" ")) {
      if (!NOT_A_NAME.matcher(word).matches() && word.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a phrase of two words or more is the start of longer phrases rather than
   * a term: fewer than {@value #MIN_END_SHARE} of the {@code papers} that mention it write it where
   * its noun phrase ends ({@code ends}); the others write a word of the same phrase after it, as
   * "large language" always is in "large language models", "fine-grained semantic" in "fine-grained
   * semantic alignment" or "3D Gaussian" in "3D Gaussian splatting". A single word is never one:
   * a name is often a modifier ("GPT-5 outputs") and still a term.
   */
  public static boolean fragment(String key, long papers, long ends) {
    return key.indexOf(' ') >= 0 && papers > 0 && ends < MIN_END_SHARE * papers;
  }

  /** The weights of a name's test and of any other, averaging one over the tests. */
  record Weights(double named, double other) {
    static Weights of(long tests, long namedTests) {
      if (namedTests <= 0 || namedTests >= tests) {
        return new Weights(1.0, 1.0);
      }
      double named = Math.min(NAMED_WEIGHT, (double) tests / namedTests);
      return new Weights(named, (tests - named * namedTests) / (tests - namedTests));
    }

    double of(String label) {
      return Trending.named(label) ? named : other;
    }
  }

  /** For each phrase inside a longer tested phrase: the largest count of such a longer phrase. */
  static Map<String, Long> longestSuperPhrase(Map<String, Long> testedCounts) {
    Map<String, Long> out = new HashMap<>();
    for (Map.Entry<String, Long> e : testedCounts.entrySet()) {
      String[] words = e.getKey().split(" ");
      for (int from = 0; from < words.length; from++) {
        StringBuilder sub = new StringBuilder();
        for (int to = from; to < words.length; to++) {
          if (to > from) {
            sub.append(' ');
          }
          sub.append(words[to]);
          if (to - from + 1 < words.length) {
            out.merge(sub.toString(), e.getValue(), Math::max);
          }
        }
      }
    }
    return out;
  }
}
