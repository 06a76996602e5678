package io.paperpulse.bench;

import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain TF-IDF keyphrases: every run of 1 to 3 words between stop words, tf times idf, no boosts. */
final class Baseline {
  private Baseline() {}

  static List<String> tfidf(DocumentFrequencies frequencies, String text, int k) {
    Map<String, Integer> tf = new HashMap<>();
    for (List<String> chunk : KeywordExtractor.chunks(text)) {
      for (int start = 0; start < chunk.size(); start++) {
        StringBuilder key = new StringBuilder();
        for (int n = 1; n <= 3 && start + n <= chunk.size(); n++) {
          key.append(n == 1 ? "" : " ").append(chunk.get(start + n - 1));
          tf.merge(key.toString(), 1, Integer::sum);
        }
      }
    }
    List<String> keys = new ArrayList<>(tf.keySet());
    keys.sort(Comparator.<String>comparingDouble(key -> -tf.get(key) * frequencies.idf(key)).thenComparing(key -> key));
    return keys.subList(0, Math.min(k, keys.size()));
  }
}
