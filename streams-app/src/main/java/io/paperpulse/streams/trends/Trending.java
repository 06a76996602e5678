package io.paperpulse.streams.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A window's trending list from every keyword tested in it, wherever (on whichever partition)
 * each was evaluated. A keyword is listed when:
 *
 * <ul>
 *   <li>its rise is significant after false-discovery-rate control over all the window's tests
 *       (q ≤ {@value #MAX_Q});
 *   <li>its rate is at least {@value #MIN_SCORE} times its usual one, as a lower bound;
 *   <li>it reads as a keyword ({@code listable}: no generic single words, fragments, LaTeX);
 *   <li>it is not a part of a longer tested phrase that carries most of its papers ("large
 *       language" inside "large language model").
 * </ul>
 *
 * Listed keywords are ranked by score (the rise the counts support), then count, then key.
 */
public final class Trending {
  public static final double MAX_Q = 0.05;
  public static final double MIN_SCORE = 1.25;
  /** A phrase whose papers are mostly inside one longer phrase is a fragment of it. */
  static final double FRAGMENT_SHARE = 0.8;

  private Trending() {}

  /** A keyword tested in a window. */
  public record Tested(String key, String label, Evaluation evaluation) {}

  /** A listed keyword with its q-value. */
  public record Listed(Tested tested, double qValue) {}

  /**
   * @param candidates tested keywords whose p-value could pass (others may be left out)
   * @param tests how many keywords were tested in all
   * @param testedCounts every tested keyword's count, for finding fragments
   * @param listable whether a keyword (key, label) may be listed
   */
  public static List<Listed> rank(
      List<Tested> candidates, long tests, Map<String, Long> testedCounts, BiPredicate<String, String> listable) {
    double[] p = new double[candidates.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = candidates.get(i).evaluation().pValue();
    }
    double[] q = FalseDiscovery.qValues(p, tests);
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
