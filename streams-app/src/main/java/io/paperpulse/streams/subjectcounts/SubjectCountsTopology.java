package io.paperpulse.streams.subjectcounts;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.EventClock;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.analytics.TopicStreams;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Rolling subject counts: per subject, hopping windows of 1, 7 and 30 days advancing by one day, on
 * event time, onto {@code trends.topic-counts}. That topic, the processor and the stores keep
 * "topic" in their names: consumers and changelogs depend on them.
 *
 * <p>Each partition of the {@code analytics} topic counts the subjects keyed to it, per day, and
 * all papers per day from the ticks every partition gets. A window's count is the sum of its days. A window is
 * written once, final, when event time ({@link Watermark}: every partition's) passes its end plus
 * the grace period, so late papers within grace count and a replay writes exactly what the live
 * run wrote. The current, still open windows
 * are served by the HTTP API from the same daily counts. A paper counts once under each of its
 * distinct category subjects, or under its best guessed subject when it has no categories; {@code share}
 * is count over all papers of the window.
 *
 * <p>Every partition sees every tick in each source partition's order, so every partition closes
 * the same windows with the same totals; the HTTP API merges the partitions' subjects.
 */
public final class SubjectCountsTopology {
  /** Window sizes in days. */
  public static final List<Integer> WINDOW_DAYS = List.of(1, 7, 30);
  /** Daily counts kept for the series the HTTP API serves. */
  public static final int RETAINED_DAYS = 120;
  private static final String MIN_DAY = "min-day";

  private SubjectCountsTopology() {}

  /** Standalone: reads {@code papers.enriched}. */
  public static Topology build(AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, PaperPulseTopology.analyticsStream(PaperPulseTopology.enrichedSource(builder, serdes), settings, false), settings, serdes, counters);
    return builder.build();
  }

  /** Adds the counts to {@code builder}, fed by the analytics stream. */
  public static void addTo(
      StreamsBuilder builder,
      KStream<String, Contribution> analytics,
      AnalyticsSettings settings,
      TopicSerdes serdes,
      Counters counters) {
    builder.addStateStore(settings.cachedStore(StoreNames.SUBJECT_DAYS, Serdes.Long(), AvroSerdes.plain(TopicDayCounts.class)));
    builder.addStateStore(settings.store(StoreNames.SUBJECT_PROGRESS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.SUBJECT_WATERMARK, Serdes.String(), Serdes.Long()));
    analytics
        .process(() -> new CountProcessor(settings, counters), Named.as("topic-counts"),
            StoreNames.SUBJECT_DAYS, StoreNames.SUBJECT_PROGRESS, StoreNames.SUBJECT_WATERMARK)
        .to(Topics.SUBJECT_COUNTS.name(), TopicStreams.produced(Topics.SUBJECT_COUNTS, serdes, "topic-counts-sink"));
  }

  /** The key of a window's record: {@code subject|P7D|2025-03-21}. */
  static String key(String subject, int days, long startDay) {
    return subject + "|" + window(days) + "|" + LocalDate.ofEpochDay(startDay);
  }

  public static String window(int days) {
    return "P" + days + "D";
  }

  /** A window's papers: all of them, and per subject in subject order. */
  public record WindowSum(long total, Map<String, Long> counts) {}

  /** Read access to the daily counts, from the processor's store or an interactive query. */
  public interface DayReader {
    TopicDayCounts get(long day);
  }

  /** Sums the daily counts of the days {@code [startDay, startDay + length)}. */
  public static WindowSum sum(DayReader days, long startDay, int length) {
    Map<String, Long> counts = new TreeMap<>();
    long total = 0;
    for (long d = startDay; d < startDay + length; d++) {
      TopicDayCounts day = days.get(d);
      if (day != null) {
        total += day.getTotal();
        day.getCounts().forEach((subject, count) -> counts.merge(subject, count, Long::sum));
      }
    }
    return new WindowSum(total, counts);
  }

  private static final class CountProcessor implements Processor<String, Contribution, String, TopicCount> {
    private final AnalyticsSettings settings;
    private final Counters counters;
    private ProcessorContext<String, TopicCount> context;
    private KeyValueStore<Long, TopicDayCounts> days;
    private KeyValueStore<String, Long> progress;
    private EventClock clock;

    CountProcessor(AnalyticsSettings settings, Counters counters) {
      this.settings = settings;
      this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, TopicCount> context) {
      this.context = context;
      this.days = context.getStateStore(StoreNames.SUBJECT_DAYS);
      this.progress = context.getStateStore(StoreNames.SUBJECT_PROGRESS);
      this.clock = new EventClock(context.getStateStore(StoreNames.SUBJECT_WATERMARK), settings);
    }

    @Override
    public void process(Record<String, Contribution> record) {
      // A paper is late once its day has closed, for every window: a window still open on one
      // partition may have closed on another, so counting a late paper in the longer windows only
      // would depend on how the source partitions interleave. Days close on event time, never the
      // wall clock, so a replay closes the same windows in the same order.
      clock.take(record, counters.lateForCounts, this::count, this::closeWindows);
    }

    private void count(Contribution c, long day) {
      Long first = progress.get(MIN_DAY);
      if (first == null || day < first) {
        progress.put(MIN_DAY, day);
      }
      update(day, null);
      c.subjects().forEach(subject -> update(day, subject));
    }

    /** Counts a paper of the day ({@code subject} null) or a paper under a subject. */
    private void update(long day, String subject) {
      TopicDayCounts counts = days.get(day);
      if (counts == null) {
        counts = TopicDayCounts.newBuilder().setDay(day).setTotal(0L).setCounts(new HashMap<>()).build();
      }
      if (subject == null) {
        counts.setTotal(counts.getTotal() + 1);
      } else {
        counts.getCounts().merge(subject, 1L, Long::sum);
      }
      days.put(day, counts);
    }

    /**
     * Writes every window that closed since the last call, oldest first, then drops old days.
     *
     * @param closedThrough the first day still open: windows ending at its start are complete
     */
    private void closeWindows(long closedThrough) {
      Long minDay = progress.get(MIN_DAY);
      if (minDay == null) {
        return;
      }
      for (int length : WINDOW_DAYS) {
        Long stored = progress.get(window(length));
        long end = stored != null ? stored : minDay + 1;
        for (; end <= closedThrough; end++) {
          emit(length, end - length);
        }
        progress.put(window(length), end);
      }
      long oldest = closedThrough - RETAINED_DAYS;
      try (KeyValueIterator<Long, TopicDayCounts> old = days.range(0L, oldest)) {
        while (old.hasNext()) {
          days.delete(old.next().key);
        }
      }
    }

    private void emit(int length, long startDay) {
      WindowSum sum = sum(days::get, startDay, length);
      long total = sum.total();
      if (total == 0) {
        return;
      }
      Instant start = Instant.ofEpochMilli(Days.startMillis(startDay));
      Instant end = Instant.ofEpochMilli(Days.startMillis(startDay + length));
      for (Map.Entry<String, Long> e : sum.counts().entrySet()) {
        TopicCount count = TopicCount.newBuilder().setTopic(e.getKey()).setWindow(window(length)).setStart(start).setEnd(end)
            .setCount(e.getValue()).setTotal(total).setShare((double) e.getValue() / total).build();
        context.forward(new Record<>(key(e.getKey(), length, startDay), count, end.toEpochMilli() - 1));
      }
    }
  }
}
