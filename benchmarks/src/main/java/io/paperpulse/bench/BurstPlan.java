package io.paperpulse.bench;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperLinks;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link InjectedBursts} feeds the application: real days of the archive, in which invented
 * phrases live at their base rate (a sentence mentioning the phrase added to real abstracts) and
 * then burst (extra papers: real papers of nearby days, under new ids, with the phrase in the
 * title and the abstract). Deterministic for a seed.
 */
final class BurstPlan {
  static final int[] SIZES = {3, 5, 10, 20, 40};
  /** Days of real papers before any burst: every phrase has eight weeks at its base rate first. */
  static final int WARMUP_DAYS = 56;
  /** A burst goes to a day with at least this many real papers (not to a near-empty holiday listing). */
  static final int FULL_DAY = 100;
  /** Extra papers copy real papers of listing days at most this far away (never of their own day). */
  static final int SOURCE_DAYS = 14;

  /** Where a phrase stands before its burst: papers an average listing day that mention it. */
  enum BaseRate {
    NEVER("never seen", 0),
    WEEKLY("~1 a week", 0.2),
    DAILY("~1 a day", 1),
    BUSY("~3 a day", 3);

    final String label;
    final double perDay;

    BaseRate(String label, double perDay) {
      this.label = label;
      this.perDay = perDay;
    }
  }

  enum Shape {
    DAY("in one day"),
    WEEK("over a week");

    final String label;

    Shape(String label) {
      this.label = label;
    }
  }

  /**
   * One phrase's burst.
   *
   * @param key the phrase's key, which the run watches
   * @param twinKey the key of its last two words, with the same counts, which the run does not watch
   * @param start the first day with extra papers
   * @param end the last day an alert counts for it: the burst's day, or the sixth day after its start
   * @param extra extra papers per day
   */
  record Burst(String phrase, String key, String twinKey, int size, Shape shape, BaseRate base, long start, long end, Map<Long, Integer> extra) {}

  final long firstDay;
  final long warmupEnd;
  final long lastDay;
  final List<Burst> bursts = new ArrayList<>();
  /** The phrases' keys, which the run watches. */
  final Set<String> phraseKeys = new HashSet<>();
  /** Every paper to feed, by day. */
  final TreeMap<Long, List<Paper>> papers = new TreeMap<>();
  /** Papers per day mentioning each phrase, by key. */
  final Map<String, Map<Long, Integer>> mentions = new HashMap<>();
  /** Every term an invented phrase brings, with its label: none of them is a real keyword. */
  final Map<String, String> injectedTerms = new HashMap<>();
  int extraPapers;
  int baseMentions;

  private final Random random;
  private final TreeMap<Long, List<Paper>> real = new TreeMap<>();
  private final Map<Long, Integer> extraByDay = new HashMap<>();

  private BurstPlan(List<Paper> realPapers, long seed) {
    realPapers.forEach(p -> real.computeIfAbsent(Days.of(p.getPublished()), d -> new ArrayList<>()).add(p));
    firstDay = real.firstKey();
    lastDay = real.lastKey();
    warmupEnd = firstDay + WARMUP_DAYS;
    random = new Random(seed);
  }

  /** {@code replicates} phrases for each size, shape and base rate, over {@code realPapers}. */
  static BurstPlan build(List<Paper> realPapers, int replicates, long seed) {
    BurstPlan plan = new BurstPlan(realPapers, seed);
    InventedPhrases phrases = new InventedPhrases(plan.random, vocabulary(realPapers));
    List<Burst> drafts = new ArrayList<>();
    for (BaseRate base : BaseRate.values()) {
      for (Shape shape : Shape.values()) {
        for (int size : SIZES) {
          for (int r = 0; r < replicates; r++) {
            String phrase = phrases.next();
            drafts.add(new Burst(phrase, KeywordExtractor.keyOf(phrase), KeywordExtractor.keyOf(InventedPhrases.twin(phrase)), size, shape, base, 0, 0, Map.of()));
            plan.injectedTerms.putAll(InventedPhrases.termsOf(phrase));
          }
        }
      }
    }
    Collections.shuffle(drafts, plan.random);
    drafts.forEach(d -> plan.bursts.add(plan.schedule(d)));
    plan.mentionAtBaseRates();
    plan.addExtraPapers();
    plan.bursts.sort(java.util.Comparator.comparing(Burst::key));
    plan.bursts.forEach(b -> plan.phraseKeys.add(b.key()));
    return plan;
  }

  private static Set<String> vocabulary(List<Paper> papers) {
    Set<String> words = new HashSet<>();
    for (Paper p : papers) {
      for (String w : (p.getTitle() + " " + p.getAbstract$()).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        words.add(w);
      }
    }
    return words;
  }

  /**
   * Places a burst: of two random days that may take it, the one with fewer extra papers per real
   * paper so far, so the extra papers spread evenly over the days after the warm-up.
   */
  private Burst schedule(Burst draft) {
    long latest = lastDay - 3 - (draft.shape() == Shape.WEEK ? 6 : 0); // its days must close before the data ends
    List<Long> starts = real.keySet().stream().filter(d -> d >= warmupEnd && d <= latest && real.get(d).size() >= FULL_DAY).toList();
    long best = -1;
    double bestLoad = Double.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      long start = starts.get(random.nextInt(starts.size()));
      List<Long> days = burstDays(start, draft.shape());
      double load = days.stream().mapToDouble(d -> (double) extraByDay.getOrDefault(d, 0) / real.get(d).size()).average().orElseThrow();
      if (load < bestLoad) {
        best = start;
        bestLoad = load;
      }
    }
    List<Long> days = burstDays(best, draft.shape());
    Collections.shuffle(days, random);
    Map<Long, Integer> extra = new TreeMap<>();
    for (int i = 0; i < draft.size(); i++) {
      extra.merge(days.get(i % days.size()), 1, Integer::sum);
    }
    extra.forEach((d, n) -> extraByDay.merge(d, n, Integer::sum));
    long end = draft.shape() == Shape.DAY ? best : best + 6;
    return new Burst(draft.phrase(), draft.key(), draft.twinKey(), draft.size(), draft.shape(), draft.base(), best, end, extra);
  }

  /** The full listing days a burst starting on {@code start} spreads over. */
  private List<Long> burstDays(long start, Shape shape) {
    if (shape == Shape.DAY) {
      return new ArrayList<>(List.of(start));
    }
    return new ArrayList<>(real.subMap(start, true, start + 6, true).entrySet().stream()
        .filter(e -> e.getValue().size() >= FULL_DAY).map(Map.Entry::getKey).toList());
  }

  /**
   * Each phrase with a base rate in real papers of every day, before and after its burst: on each
   * day a Poisson number of them, in proportion to the day's papers, each gets a sentence with it.
   */
  private void mentionAtBaseRates() {
    double meanDay = real.values().stream().mapToInt(List::size).average().orElseThrow();
    for (Map.Entry<Long, List<Paper>> day : real.entrySet()) {
      List<Paper> papers = day.getValue();
      Map<Integer, List<String>> sentences = new HashMap<>();
      for (Burst b : bursts) {
        int n = Math.min(papers.size(), poisson(b.base().perDay * papers.size() / meanDay));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < papers.size() && n > 0; i++) {
          order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < n; i++) {
          sentences.computeIfAbsent(order.get(i), k -> new ArrayList<>()).add(InventedPhrases.sentence(b.phrase(), random.nextInt(4)));
          mentions.computeIfAbsent(b.key(), k -> new TreeMap<>()).merge(day.getKey(), 1, Integer::sum);
          baseMentions++;
        }
      }
      List<Paper> out = new ArrayList<>(papers.size());
      for (int i = 0; i < papers.size(); i++) {
        List<String> added = sentences.get(i);
        Paper p = papers.get(i);
        out.add(added == null ? p : Paper.newBuilder(p).setAbstract$(insert(p.getAbstract$(), String.join(" ", added))).build());
      }
      this.papers.put(day.getKey(), out);
    }
  }

  /** The bursts' extra papers, each a real paper of a nearby listing day under a new id. */
  private void addExtraPapers() {
    for (Burst b : bursts) {
      for (Map.Entry<Long, Integer> e : b.extra().entrySet()) {
        long day = e.getKey();
        List<Paper> sources = real.subMap(day - SOURCE_DAYS, true, day + SOURCE_DAYS, true).entrySet().stream()
            .filter(s -> s.getKey() != day).flatMap(s -> s.getValue().stream()).toList();
        for (int i = 0; i < e.getValue(); i++) {
          Paper source = sources.get(random.nextInt(sources.size()));
          papers.get(day).add(extraPaper(source, b.phrase(), day));
          mentions.computeIfAbsent(b.key(), k -> new TreeMap<>()).merge(day, 1, Integer::sum);
        }
      }
    }
  }

  /** A copy of {@code source} on {@code day} with the phrase in its title and its abstract. */
  private Paper extraPaper(Paper source, String phrase, long day) {
    // "2699.": a month that does not exist, so no id of the archive is taken.
    String id = String.format(Locale.ROOT, "2699.%05d", ++extraPapers);
    return Paper.newBuilder(source)
        .setId(id)
        .setSourceId(id)
        .setTitle(source.getTitle() + " with " + InventedPhrases.titleCase(phrase))
        .setAbstract$(insert(source.getAbstract$(), InventedPhrases.sentence(phrase, random.nextInt(4))))
        .setLinks(PaperLinks.newBuilder().setAbs("https://arxiv.org/abs/" + id).setPdf("https://arxiv.org/pdf/" + id).build())
        .setPublished(Instant.ofEpochMilli(Days.startMillis(day)))
        .build();
  }

  /** {@code text} with {@code sentences} after its first sentence. */
  private static String insert(String text, String sentences) {
    int end = text.indexOf(". ");
    return end < 0 ? text + " " + sentences : text.substring(0, end + 2) + sentences + " " + text.substring(end + 2);
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  /** All papers of a day, as the trends count them. */
  long total(long day) {
    List<Paper> list = papers.get(day);
    return list == null ? 0 : list.size();
  }

  /** Papers mentioning a phrase on a day. */
  long mentions(String key, long day) {
    return mentions.getOrDefault(key, Map.of()).getOrDefault(day, 0);
  }
}
