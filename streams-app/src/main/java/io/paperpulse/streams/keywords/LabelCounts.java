package io.paperpulse.streams.keywords;

import java.util.HashMap;
import java.util.Map;

/**
 * The forms a term is written in within one paper, with how often each is: the term's label is its
 * most frequent form, and of equally frequent ones the first in alphabetical order. The paper's
 * terms in {@link KeywordExtractor} and {@link TermTally} extend it.
 */
class LabelCounts {
  /** The first label and its count; other labels, rare, in a map made when needed. */
  private String firstLabel;
  private int firstLabelCount;
  private Map<String, Integer> otherLabels;

  /** Counts one mention written as {@code label}. */
  final void addLabel(String label) {
    if (firstLabel == null) {
      firstLabel = label;
    }
    if (firstLabel.equals(label)) {
      firstLabelCount++;
    } else {
      if (otherLabels == null) {
        otherLabels = new HashMap<>(4);
      }
      otherLabels.merge(label, 1, Integer::sum);
    }
  }

  /** The most frequent label; of equally frequent ones, the first in alphabetical order. */
  final String label() {
    if (otherLabels == null) {
      return firstLabel;
    }
    String best = firstLabel;
    int bestCount = firstLabelCount;
    for (Map.Entry<String, Integer> e : otherLabels.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
