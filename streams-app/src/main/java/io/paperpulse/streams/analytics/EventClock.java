package io.paperpulse.streams.analytics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Event time as an analytics processor sees it: the {@link Watermark} over the source partitions
 * of {@code papers}, the grace, and the days that are due. The processors that close days by event
 * time (keyword trends, subject counts, trending papers) share it, so a paper is late, and a day
 * closes, by one rule everywhere.
 */
public final class EventClock {
  private final Watermark watermark;
  private final long graceMillis;
  private final DueDays due;

  /** @param store the processor's own watermark store */
  public EventClock(KeyValueStore<String, Long> store, AnalyticsSettings settings) {
    this.watermark = new Watermark(store, settings.sourcePartitions());
    this.graceMillis = settings.grace().toMillis();
    this.due = new DueDays(settings.grace());
  }

  /**
   * Takes one contribution in event time. A relisting is left out. A paper whose day has closed is
   * late: it is counted once in {@code late} (every analytics partition gets it) and left out. Any
   * other goes to {@code count} with its day. Then event time moves on by the paper, and {@code
   * close} gets the first day still open when that day moved on (every day before it is due).
   */
  public void take(Record<String, Contribution> record, AtomicLong late, ObjLongConsumer<Contribution> count, LongConsumer close) {
    Contribution c = record.value();
    if (c.relisting()) {
      return;
    }
    long day = Days.of(record.timestamp());
    // Judged before this paper moves the clock: its terms and its count go together, to the day or
    // to the late papers.
    if (late(c, day)) {
      if (c.target() == 0) {
        late.incrementAndGet();
      }
    } else {
      count.accept(c, day);
    }
    advance(c, record.timestamp(), close);
  }

  /**
   * Whether a paper of {@code day} that came from {@code c}'s source partition arrives after the
   * day closed; judged before {@code c} moves the clock.
   */
  public boolean late(Contribution c, long day) {
    return watermark.late(source(c), Days.startMillis(day + 1) + graceMillis);
  }

  /** Moves event time on by {@code c}, stamped {@code timestamp}. */
  public void advance(Contribution c, long timestamp) {
    watermark.advance(source(c), timestamp);
  }

  /**
   * Moves event time on by {@code c}, then calls {@code close} with the first day still open when
   * that day moved on (every day before it is due).
   */
  public void advance(Contribution c, long timestamp, LongConsumer close) {
    due.advance(watermark.advance(source(c), timestamp), close);
  }

  private static String source(Contribution c) {
    return String.valueOf(c.sourcePartition());
  }
}
