package io.paperpulse.streams.keywordtrends;

import io.paperpulse.streams.trends.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the feed lists, by subject: a partition's papers per day and primary subject (under {@code
 * day|#subject}), and the primary subject of each paper it keeps a title for (under {@code
 * day|paper id|subject}). Every partition sees every paper, so each holds the whole feed's mix.
 *
 * <p>A feed that starts listing a new category (this archive's added robotics and control papers
 * from 2025-06-30) raises the rate of that category's terms in the whole feed with no change in the
 * field. {@link #explained} tells such a rise: under the hypothesis that the keyword's rate within
 * each subject has not changed, its rate in the whole feed moves by the factor
 *
 * <pre>
 * f = 1 / Σ_i w_i · share_B(s_i) / share_W(s_i)
 * </pre>
 *
 * over its sample papers of the window, of subjects {@code s_i}, each weighing the papers it
 * stands for (its day's papers with the keyword over that day's samples, the weights summing to
 * 1), where {@code share_W} and {@code share_B} are a subject's share of the feed's papers in the
 * window and in the baseline period (half a paper added to the baseline's count, so a subject new
 * to the feed has a finite factor).
 * A rise whose lower bound ({@link Evaluation#score}) falls below the rule's once divided by
 * {@code f} is one the feed's new mix accounts for. {@code f} is at least 1: a subject the feed
 * lists less often never makes a rise stronger.
 */
final class FeedMix {
  private static final String SUBJECT = "#";

  private final KeyValueStore<String, Long> store;

  FeedMix(KeyValueStore<String, Long> store) {
    this.store = store;
  }

  /** Counts a paper of {@code day} under its primary subject, and keeps that subject for its samples when {@code sampled}. */
  void add(long day, String paperId, String subject, boolean sampled) {
    if (subject == null || subject.isEmpty()) {
      return;
    }
    String key = KeywordHistory.day(day) + '|' + SUBJECT + subject;
    Long previous = store.get(key);
    store.put(key, (previous == null ? 0 : previous) + 1);
    if (sampled) {
      store.put(KeywordHistory.day(day) + '|' + paperId + '|' + subject, 1L);
    }
  }

  /** Deletes a day's counts and subjects. */
  void forget(long day) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = store.prefixScan(KeywordHistory.day(day) + '|', new StringSerializer())) {
      all.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(key -> store.put(key, null));
  }

  /** The papers of each subject over the days {@code from} to {@code to}. */
  Map<String, Long> papersBySubject(long from, long to) {
    Map<String, Long> out = new HashMap<>();
    for (long d = from; d <= to; d++) {
      String prefix = KeywordHistory.day(d) + '|' + SUBJECT;
      try (KeyValueIterator<String, Long> subjects = store.prefixScan(prefix, new StringSerializer())) {
        subjects.forEachRemaining(kv -> out.merge(kv.key.substring(prefix.length()), kv.value, Long::sum));
      }
    }
    return out;
  }

  /** A paper's primary subject as kept for its samples, or null. */
  String subjectOf(long day, String paperId) {
    String prefix = KeywordHistory.day(day) + '|' + paperId + '|';
    try (KeyValueIterator<String, Long> keys = store.prefixScan(prefix, new StringSerializer())) {
      return keys.hasNext() ? keys.next().key.substring(prefix.length()) : null;
    }
  }

  /** A keyword's papers on a day, and the ids of its samples among them. */
  record Day(long papers, List<String> samples) {}

  /**
   * The factor {@code f} of the class comment for a keyword whose days in the window of {@code e}
   * are {@code days}; 1 when no sample's subject is known or the baseline period has no papers.
   */
  double factor(Evaluation e, Map<Long, Day> days) {
    long first = e.startDay();
    Map<String, Long> window = papersBySubject(first, e.endDay());
    Map<String, Long> baseline = papersBySubject(first - e.window().baselineDays(), first - 1);
    double windowTotal = window.values().stream().mapToLong(Long::longValue).sum();
    double baselineTotal = baseline.values().stream().mapToLong(Long::longValue).sum();
    if (windowTotal == 0 || baselineTotal == 0) {
      return 1;
    }
    double sum = 0;
    double weights = 0;
    for (Map.Entry<Long, Day> day : days.entrySet()) {
      List<String> samples = day.getValue().samples();
      double weight = (double) day.getValue().papers() / Math.max(1, samples.size());
      for (String paper : samples) {
        String subject = subjectOf(day.getKey(), paper);
        Long inWindow = subject == null ? null : window.get(subject);
        if (inWindow != null && inWindow > 0) {
          double shareWindow = inWindow / windowTotal;
          double shareBaseline = (baseline.getOrDefault(subject, 0L) + 0.5) / baselineTotal;
          sum += weight * shareBaseline / shareWindow;
          weights += weight;
        }
      }
    }
    return weights == 0 || sum == 0 ? 1 : Math.max(1, weights / sum);
  }

  /** Whether the feed's new mix accounts for the rise {@code e} shows: its score over {@link #factor} is below {@code minScore}. */
  boolean explained(Evaluation e, Map<Long, Day> days, double minScore) {
    return e.score() / factor(e, days) < minScore;
  }
}
