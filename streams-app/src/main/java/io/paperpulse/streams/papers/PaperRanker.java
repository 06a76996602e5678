package io.paperpulse.streams.papers;

import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.analytics.EventClock;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One partition's part of the ranking. It keeps the summaries of the papers it ranks (those whose
 * id the analytics topic places here) and every partition's trending keywords of the last 30
 * days. Once every partition of the analytics topic has closed a day, all the papers of that day
 * that were on time are here (this partition's own close came after them), and it ranks its
 * papers in each window ending that day, sending its {@link Ranking#TOP_K} best of each to the
 * merge step, then a done marker. Until its day is ranked, each paper is also on {@code
 * trends.papers.open}, scored by its signals so far and by the keywords trending in the week up
 * to the last day ranked ({@link #open}). A paper is late, and not
 * ranked, when the keyword trends find it late: this partition keeps the same {@link Watermark},
 * fed the same records in the same order.
 */
final class PaperRanker implements Processor<String, Object, String, Object> {
  private static final String PARTITION = "partition";
  private static final String RANKED_THROUGH = "ranked-through";
  private static final String CLOSED = "closed|";
  /** Under a day's prefix in the keywords store: each partition's closed marker, with its tests. */
  private static final String TESTS = "tests|";
  private static final long NONE = -1;

  private final int partitions;
  private final AnalyticsSettings settings;
  private EventClock clock;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, PaperSummary> summaries;
  /**
   * The summaries of {@link #summaries}, decoded, under the same keys: ranking a day reads a month
   * of papers, and reading and decoding them from the store each day cost more than scoring them.
   * The store stays the state (changelogged, queried); this copy is loaded from it at {@link #init}.
   */
  private final TreeMap<String, Held> held = new TreeMap<>();

  /** A held paper, with the hashes of its terms, which scoring it reads instead of the terms' strings. */
  private record Held(PaperSummary summary, int[] termHashes) {
    static Held of(PaperSummary summary) {
      return new Held(summary, TrendingScore.termHashes(summary));
    }
  }
  private KeyValueStore<String, RankMessage> keywords;
  private KeyValueStore<String, Long> progress;
  /** The 7-day window's trending keywords ending on {@link #recentDay}, as open papers are scored by. */
  private TrendingScore.Strengths recent = new TrendingScore.Strengths(Map.of());
  private long recentDay = NONE;

  PaperRanker(AnalyticsSettings settings) {
    this.settings = settings;
    this.partitions = settings.effectiveAnalyticsPartitions();
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.summaries = context.getStateStore(StoreNames.PAPER_SUMMARIES);
    held.clear();
    try (KeyValueIterator<String, PaperSummary> all = summaries.all()) {
      all.forEachRemaining(kv -> held.put(kv.key, Held.of(kv.value)));
    }
    this.keywords = context.getStateStore(StoreNames.PAPER_KEYWORDS);
    this.progress = context.getStateStore(StoreNames.PAPER_RANKER_PROGRESS);
    this.clock = new EventClock(context.getStateStore(StoreNames.PAPER_WATERMARK), settings);
  }

  @Override
  public void process(Record<String, Object> record) {
    if (record.value() instanceof Contribution c) {
      paper(c, record.timestamp());
    } else if (record.value() instanceof RankMessage m && m.kind() == RankMessage.Kind.KEYWORD) {
      keywords.put(Ranking.day(m.day()) + m.window() + "|" + m.keyword(), m);
    } else if (record.value() instanceof RankMessage m && m.kind() == RankMessage.Kind.CLOSED) {
      progress.put(CLOSED + Ranking.marker(m.day(), m.partition()), m.day());
      keywords.put(Ranking.day(m.day()) + TESTS + Ranking.marker(m.day(), m.partition()), m);
      if (m.day() > rankedThrough() && Ranking.withPrefix(progress, CLOSED + Ranking.day(m.day())).size() == partitions) {
        rank(m.day());
      }
    }
  }

  /** Moves the watermark, and keeps the paper this contribution carries, if any, unless late. */
  private void paper(Contribution c, long timestamp) {
    if (progress.get(PARTITION) == null) {
      progress.put(PARTITION, (long) c.target());
    }
    PaperSummary paper = c.summary();
    boolean late = paper != null && clock.late(c, paper.day());
    if (!c.relisting()) { // as the keyword trends, which skip relistings
      clock.advance(c, timestamp);
    }
    if (paper == null || late || paper.day() <= rankedThrough()) {
      return;
    }
    String key = Ranking.day(paper.day()) + paper.paperId();
    PaperSummary stored = paper;
    if (paper.relisting()) {
      Held first = held.get(key);
      if (first == null) {
        return;
      }
      stored = first.summary().listedAgain(paper);
    }
    summaries.put(key, stored);
    Held kept = Held.of(stored);
    held.put(key, kept);
    context.forward(new Record<>(stored.paperId(), open(kept, recentStrengths()), timestamp));
  }

  private long rankedThrough() {
    Long through = progress.get(RANKED_THROUGH);
    return through == null ? NONE : through;
  }

  private void rank(long day) {
    Long partition = progress.get(PARTITION);
    if (partition == null) {
      throw new IllegalStateException("day " + day + " closed on every partition before this one saw a paper");
    }
    int self = partition.intValue();
    long time = Days.startMillis(day + 1) - 1;
    keepDiscoveries(day);
    // Every window's papers, read once: the longest window holds the others.
    List<Held> papers = new ArrayList<>(held.subMap(Ranking.day(PaperWindow.longest().firstDay(day)), Ranking.day(day + 1)).values());
    for (PaperWindow window : PaperWindow.values()) {
      TrendingScore.Strengths strengths = new TrendingScore.Strengths(strengths(window, day));
      List<RankMessage> entries = new ArrayList<>();
      long first = window.firstDay(day);
      for (Held kept : papers) {
        PaperSummary paper = kept.summary();
        if (paper.day() >= first && paper.day() <= day) {
          entries.add(RankMessage.entry(self, day, window, paper, TrendingScore.score(paper, kept.termHashes(), strengths, window, day)));
        }
      }
      for (RankMessage top : RankMessage.tops(self, day, window, Ranking.top(entries), Ranking.MAX_MESSAGE_BYTES)) {
        context.forward(new Record<>(String.valueOf(day), top, time));
      }
    }
    for (Held paper : papers) {
      if (paper.summary().day() == day) {
        context.forward(new Record<>(paper.summary().paperId(), null, time)); // ranked: no longer open
      }
    }
    context.forward(new Record<>(String.valueOf(day), RankMessage.done(self, day), time));
    progress.put(RANKED_THROUGH, day);
    long keepFrom = PaperWindow.P30D.firstDay(day);
    SortedMap<String, Held> old = held.headMap(Ranking.day(keepFrom));
    old.keySet().forEach(key -> summaries.put(key, null));
    old.clear();
    // No stored key is a bare day prefix, so each range ends just before that day.
    Ranking.deleteRange(keywords, Ranking.day(0), Ranking.day(keepFrom));
    Ranking.deleteRange(progress, CLOSED + Ranking.day(0), CLOSED + Ranking.day(day + 1));
  }

  /**
   * Keeps, of the day's trending keywords of each window, those that pass false-discovery control
   * at q {@value Trending#MAX_Q} over all the tests every partition made in it that day, weighted
   * toward names as the trending lists are ({@link Trending#qValues}): a day tests thousands of
   * keywords, and at p 0.01 alone dozens of them pass by chance. Where a partition's marker holds no
   * tests (a version before them sent it), the day's keywords are kept as they came.
   */
  private void keepDiscoveries(long day) {
    List<KeyValue<String, RankMessage>> markers = Ranking.withPrefix(keywords, Ranking.day(day) + TESTS);
    if (markers.size() < partitions || markers.stream().anyMatch(kv -> kv.value.tests().size() < 2 * TrendWindow.values().length)) {
      return;
    }
    for (TrendWindow window : TrendWindow.values()) {
      long tests = 0;
      long named = 0;
      for (KeyValue<String, RankMessage> marker : markers) {
        tests += marker.value.tests().get(2 * window.ordinal());
        named += marker.value.tests().get(2 * window.ordinal() + 1);
      }
      List<KeyValue<String, RankMessage>> found = Ranking.withPrefix(keywords, Ranking.day(day) + window.name() + "|");
      double[] p = new double[found.size()];
      String[] labels = new String[found.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = found.get(i).value.pValue();
        labels[i] = found.get(i).value.label();
      }
      double[] q = Trending.qValues(p, labels, tests, named);
      for (int i = 0; i < q.length; i++) {
        if (q[i] > Trending.MAX_Q) {
          keywords.put(found.get(i).key, null);
        }
      }
    }
  }

  /**
   * A paper of a day not ranked yet, as on {@code trends.papers.open}: rank 0, and its 1-day score
   * so far, with {@code trending} (the keywords trending lately) in place of its own day's, which
   * are not judged yet.
   */
  private static TrendingPaper open(Held kept, TrendingScore.Strengths trending) {
    PaperSummary paper = kept.summary();
    TrendingScore.Scored scored = TrendingScore.score(paper, kept.termHashes(), trending, PaperWindow.P1D, paper.day());
    return RankingMerge.trendingPaper(RankMessage.entry(-1, paper.day(), PaperWindow.P1D, paper, scored), PaperWindow.P1D, paper.day(), 0, 0);
  }

  /**
   * The keywords trending in the 7 days up to the last day ranked, by their strongest 7-day trend:
   * what is known of the field's week when a paper of a later day comes in. Empty before a day is
   * ranked. Read from the store again after each day ranked, and after a restart.
   */
  private TrendingScore.Strengths recentStrengths() {
    long through = rankedThrough();
    if (through != recentDay) {
      recent = new TrendingScore.Strengths(through == NONE ? Map.of() : strengths(PaperWindow.P7D, through));
      recentDay = through;
    }
    return recent;
  }

  /** Each keyword's strongest trend score in the window ending on {@code day}. */
  private Map<String, TrendingScore.Strength> strengths(PaperWindow window, long day) {
    Map<String, TrendingScore.Strength> out = new HashMap<>();
    String name = window.keywords().name();
    for (long d = window.firstDay(day); d <= day; d++) {
      for (KeyValue<String, RankMessage> kv : Ranking.withPrefix(keywords, Ranking.day(d) + name + "|")) {
        RankMessage m = kv.value;
        TrendingScore.Strength known = out.get(m.keyword());
        if (known == null || m.score() > known.score()) {
          out.put(m.keyword(), new TrendingScore.Strength(m.score(), m.label()));
        }
      }
    }
    return out;
  }
}
