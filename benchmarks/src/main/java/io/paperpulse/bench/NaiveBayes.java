package io.paperpulse.bench;

import io.paperpulse.streams.keywords.KeywordExtractor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The subject classifier PaperPulse used before the linear model, as a baseline: multinomial naive
 * Bayes over the stemmed content words of title (counted twice) and abstract, add-0.5 smoothing,
 * each subject keeping the counts of its 4,000 most frequent words.
 */
final class NaiveBayes {
  private static final int TERMS_PER_SUBJECT = 4_000;
  private static final double SMOOTHING = 0.5;

  private final Map<String, Long> papers = new TreeMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private final Map<String, Long> totals = new HashMap<>();
  private final Set<String> vocabulary = new HashSet<>();

  private static List<String> words(String title, String text) {
    return KeywordExtractor.words(title + " . " + title + " . " + text);
  }

  void add(String subject, String title, String text) {
    papers.merge(subject, 1L, Long::sum);
    Map<String, Long> subjectCounts = counts.computeIfAbsent(subject, t -> new HashMap<>());
    for (String word : words(title, text)) {
      subjectCounts.merge(word, 1L, Long::sum);
      totals.merge(subject, 1L, Long::sum);
      vocabulary.add(word);
    }
  }

  /** Keeps each subject's most frequent words only; call once, after the last {@link #add}. */
  void prune() {
    for (Map.Entry<String, Map<String, Long>> subject : counts.entrySet()) {
      Map<String, Long> kept = new HashMap<>();
      subject.getValue().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TERMS_PER_SUBJECT)
          .forEach(e -> kept.put(e.getKey(), e.getValue()));
      subject.setValue(kept);
    }
  }

  /** The most probable subject of a paper. */
  String best(String title, String text) {
    Map<String, Integer> tf = new HashMap<>();
    for (String word : words(title, text)) {
      tf.merge(word, 1, Integer::sum);
    }
    long all = papers.values().stream().mapToLong(Long::longValue).sum();
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Long> subject : papers.entrySet()) {
      Map<String, Long> subjectCounts = counts.get(subject.getKey());
      double denominator = Math.log(totals.getOrDefault(subject.getKey(), 0L) + SMOOTHING * vocabulary.size());
      double score = Math.log((double) subject.getValue() / all);
      for (Map.Entry<String, Integer> word : tf.entrySet()) {
        score += word.getValue() * (Math.log(subjectCounts.getOrDefault(word.getKey(), 0L) + SMOOTHING) - denominator);
      }
      if (score > bestScore) {
        best = subject.getKey();
        bestScore = score;
      }
    }
    return best;
  }
}
