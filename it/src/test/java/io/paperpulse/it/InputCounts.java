package io.paperpulse.it;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.subjects.Taxonomy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Subject counts computed straight from feed files, independently of the streams app: each paper
 * once (its first listing), under each distinct subject of its arXiv categories.
 *
 * @param lastDay the epoch day of the latest paper
 * @param total papers in the window
 * @param subjects papers per subject in the window
 */
record InputCounts(long lastDay, long total, Map<String, Long> subjects) {
  /** The counts of the last {@code days} days of the input, as {@code /api/subjects?window=P<days>D} gives them. */
  static InputCounts of(List<Path> files, int days) throws Exception {
    Map<String, Long> firstDay = new LinkedHashMap<>();
    Map<String, List<String>> categories = new HashMap<>();
    for (Paper paper : Feeds.parse(files, ParseOptions.defaults())) {
      if (firstDay.putIfAbsent(paper.getId(), Days.of(paper.getPublished())) == null) {
        categories.put(paper.getId(), paper.getCategories());
      }
    }
    long lastDay = firstDay.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    Map<String, Long> subjects = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Long> paper : firstDay.entrySet()) {
      if (paper.getValue() > lastDay - days) {
        total++;
        for (String subject : new LinkedHashSet<>(categories.get(paper.getKey()).stream().map(Taxonomy::subjectOf).toList())) {
          subjects.merge(subject, 1L, Long::sum);
        }
      }
    }
    return new InputCounts(lastDay, total, subjects);
  }
}
