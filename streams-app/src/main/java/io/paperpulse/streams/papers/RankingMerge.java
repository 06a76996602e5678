package io.paperpulse.streams.papers;

import io.paperpulse.avro.TrendingKeywordRef;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single-partition merge: once every ranking partition has sent its best papers of a day's
 * windows (a message a window and partition, more where its papers are large), writes each window's ranking, ranks 1 to {@code rankingSize} in order, to {@code
 * trends.papers}.
 */
final class RankingMerge implements Processor<String, RankMessage, String, TrendingPaper> {
  private static final String MERGED_THROUGH = "merged-through";
  private static final String DONE = "done|";
  /** Before a partition's marker in the key of its best papers of a window: no paper id starts with it. */
  private static final String TOP = "~top|";

  private final int partitions;
  private ProcessorContext<String, TrendingPaper> context;
  private KeyValueStore<String, RankMessage> entries;
  private KeyValueStore<String, Long> progress;

  /** @param partitions ranking partitions, each of which reports every closed day */
  RankingMerge(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public void init(ProcessorContext<String, TrendingPaper> context) {
    this.context = context;
    this.entries = context.getStateStore(StoreNames.RANKING_ENTRIES);
    this.progress = context.getStateStore(StoreNames.RANKING_PROGRESS);
  }

  @Override
  public void process(Record<String, RankMessage> record) {
    RankMessage m = record.value();
    Long through = progress.get(MERGED_THROUGH);
    if (m == null || through != null && m.day() <= through) {
      return;
    }
    if (m.kind() == RankMessage.Kind.TOP) {
      String first = m.entries().isEmpty() ? "" : m.entries().get(0).paper().paperId(); // a message of several
      entries.put(Ranking.day(m.day()) + m.window() + "|" + TOP + Ranking.marker(m.day(), m.partition()) + "|" + first, m);
    } else if (m.kind() == RankMessage.Kind.ENTRY) { // as versions before TOP sent them
      entries.put(Ranking.day(m.day()) + m.window() + "|" + m.paper().paperId(), m);
    } else if (m.kind() == RankMessage.Kind.DONE) {
      progress.put(DONE + Ranking.marker(m.day(), m.partition()), m.day());
      if (Ranking.withPrefix(progress, DONE + Ranking.day(m.day())).size() == partitions) {
        merge(m.day());
      }
    }
  }

  private void merge(long day) {
    long time = Days.startMillis(day + 1) - 1;
    for (PaperWindow window : PaperWindow.values()) {
      List<RankMessage> all = new ArrayList<>();
      for (KeyValue<String, RankMessage> kv : Ranking.withPrefix(entries, Ranking.day(day) + window.name() + "|")) {
        if (kv.value.kind() == RankMessage.Kind.TOP) {
          all.addAll(kv.value.entries());
        } else {
          all.add(kv.value);
        }
      }
      List<RankMessage> top = Ranking.top(all);
      for (int i = 0; i < top.size(); i++) {
        TrendingPaper paper = trendingPaper(top.get(i), window, day, i + 1, top.size());
        context.forward(new Record<>(key(window, day, i + 1), paper, time));
      }
    }
    progress.put(MERGED_THROUGH, day);
    Ranking.deleteRange(entries, Ranking.day(0), Ranking.day(day + 1));
    Ranking.deleteRange(progress, DONE + Ranking.day(0), DONE + Ranking.day(day + 1));
  }

  /** The key on {@code trends.papers}: {@code P7D|2025-04-07|001}. */
  static String key(PaperWindow window, long day, int rank) {
    return String.format(Locale.ROOT, "%s|%s|%03d", window.name(), LocalDate.ofEpochDay(day), rank);
  }

  static TrendingPaper trendingPaper(RankMessage entry, PaperWindow window, long day, int rank, int size) {
    PaperSummary p = entry.paper();
    List<TrendingKeywordRef> keywords = new ArrayList<>();
    for (TrendingScore.Share s : entry.keywords()) {
      keywords.add(TrendingKeywordRef.newBuilder().setKeyword(s.keyword()).setLabel(s.label()).setContribution(s.contribution()).build());
    }
    return TrendingPaper.newBuilder()
        .setWindow(window.name())
        .setStart(Instant.ofEpochMilli(Days.startMillis(window.firstDay(day))))
        .setEnd(Instant.ofEpochMilli(Days.startMillis(day + 1)))
        .setRank(rank)
        .setRankingSize(size)
        .setScore(entry.score())
        .setPaperId(p.paperId())
        .setTitle(p.title())
        .setAuthors(p.authors())
        .setAbstractStart(p.abstractStart())
        .setUrl(p.url())
        .setSubjects(p.subjects())
        .setDay(Instant.ofEpochMilli(Days.startMillis(p.day())))
        .setKeywords(keywords)
        .setUpvotes(p.upvotes())
        .setTimesListed(p.timesListed())
        .build();
  }
}
