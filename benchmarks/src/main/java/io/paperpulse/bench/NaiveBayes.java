package io.paperpulse.bench;

import io.paperpulse.streams.keywords.KeywordExtractor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The topic classifier PaperPulse used before the linear model, as a baseline: multinomial naive
 * Bayes over the stemmed content words of title (counted twice) and abstract, add-0.5 smoothing,
 * each topic keeping the counts of its 4,000 most frequent words.
 */
final class NaiveBayes {
  private static final int TERMS_PER_TOPIC = 4_000;
  private static final double SMOOTHING = 0.5;

  private final Map<String, Long> papers = new TreeMap<>();
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();
  private final Map<String, Long> totals = new HashMap<>();
  private final Set<String> vocabulary = new HashSet<>();

  private static List<String> words(String title, String text) {
    return KeywordExtractor.words(title + " . " + title + " . " + text);
  }

  void add(String topic, String title, String text) {
    papers.merge(topic, 1L, Long::sum);
    Map<String, Long> topicCounts = counts.computeIfAbsent(topic, t -> new HashMap<>());
    for (String word : words(title, text)) {
      topicCounts.merge(word, 1L, Long::sum);
      totals.merge(topic, 1L, Long::sum);
      vocabulary.add(word);
    }
  }

  /** Keeps each topic's most frequent words only; call once, after the last {@link #add}. */
  void prune() {
    for (Map.Entry<String, Map<String, Long>> topic : counts.entrySet()) {
      Map<String, Long> kept = new HashMap<>();
      topic.getValue().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TERMS_PER_TOPIC)
          .forEach(e -> kept.put(e.getKey(), e.getValue()));
      topic.setValue(kept);
    }
  }

  /** The most probable topic of a paper. */
  String best(String title, String text) {
    Map<String, Integer> tf = new HashMap<>();
    for (String word : words(title, text)) {
      tf.merge(word, 1, Integer::sum);
    }
    long all = papers.values().stream().mapToLong(Long::longValue).sum();
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Long> topic : papers.entrySet()) {
      Map<String, Long> topicCounts = counts.get(topic.getKey());
      double denominator = Math.log(totals.getOrDefault(topic.getKey(), 0L) + SMOOTHING * vocabulary.size());
      double score = Math.log((double) topic.getValue() / all);
      for (Map.Entry<String, Integer> word : tf.entrySet()) {
        score += word.getValue() * (Math.log(topicCounts.getOrDefault(word.getKey(), 0L) + SMOOTHING) - denominator);
      }
      if (score > bestScore) {
        best = topic.getKey();
        bestScore = score;
      }
    }
    return best;
  }
}
