package io.paperpulse.streams.keywordtrends;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A keyword's papers per closed day, oldest first, for the days it was mentioned, with those of
 * them that write it where its phrase ends ({@link KeywordDay#getEnds}): one small record a
 * keyword, appended to when a day closes, so judging a keyword reads one record instead of a
 * hundred days. Days before the window the trends need are dropped on the next append.
 *
 * <p>Stored as the number of days, then each day with its papers; the papers that end the phrase
 * came later, so a series that holds them stores its number of days as {@code -1 - n}, and each
 * day's count of them after its papers. An older series reads as if all its papers ended it.
 */
public final class KeywordSeries {
  private static final KeywordSeries EMPTY = new KeywordSeries(new int[0], new int[0], new int[0]);

  private final int[] days;
  private final int[] counts;
  private final int[] ends;

  private KeywordSeries(int[] days, int[] counts, int[] ends) {
    this.days = days;
    this.counts = counts;
    this.ends = ends;
  }

  static KeywordSeries empty() {
    return EMPTY;
  }

  /**
   * The mark of how far a store of series is built: a series of one day, {@code day}, with one
   * paper while later days are being added ({@code closing}), else none.
   */
  static KeywordSeries mark(long day, boolean closing) {
    return new KeywordSeries(new int[] {Math.toIntExact(day)}, new int[] {closing ? 1 : 0}, new int[1]);
  }

  /** Whether this mark says later days are being added. */
  boolean closing() {
    return counts.length == 1 && counts[0] > 0;
  }

  /**
   * This series with {@code count} papers on {@code day} (a day after every day it holds), {@code
   * ends} of them ending the phrase, without days before {@code keepFrom}.
   */
  KeywordSeries append(long day, long count, long ends, long keepFrom) {
    if (days.length > 0 && day <= days[days.length - 1]) {
      throw new IllegalArgumentException("day " + day + " is not after " + days[days.length - 1]);
    }
    int from = 0;
    while (from < days.length && days[from] < keepFrom) {
      from++;
    }
    int n = days.length - from;
    int[] d = Arrays.copyOfRange(days, from, from + n + 1);
    int[] c = Arrays.copyOfRange(counts, from, from + n + 1);
    int[] e = Arrays.copyOfRange(this.ends, from, from + n + 1);
    d[n] = Math.toIntExact(day);
    c[n] = (int) Math.min(count, Integer.MAX_VALUE);
    e[n] = (int) Math.min(ends, c[n]);
    return new KeywordSeries(d, c, e);
  }

  /** The newest day held, or {@link Long#MIN_VALUE} when empty. */
  long lastDay() {
    return days.length == 0 ? Long.MIN_VALUE : days[days.length - 1];
  }

  /** Adds the counts of the days from {@code first} to {@code last} into {@code out}, indexed by day minus {@code first}. */
  void addTo(long[] out, long first, long last) {
    addTo(counts, out, first, last);
  }

  /** As {@link #addTo}, the papers that end the phrase. */
  void addEndsTo(long[] out, long first, long last) {
    addTo(ends, out, first, last);
  }

  private void addTo(int[] values, long[] out, long first, long last) {
    for (int i = 0; i < days.length; i++) {
      if (days[i] >= first && days[i] <= last) {
        out[(int) (days[i] - first)] += values[i];
      }
    }
  }

  public int size() {
    return days.length;
  }

  static Serde<KeywordSeries> serde() {
    return Serdes.serdeFrom(new Writer(), new Reader());
  }

  private static final class Writer implements Serializer<KeywordSeries> {
    @Override
    public byte[] serialize(String topic, KeywordSeries series) {
      if (series == null) {
        return null;
      }
      ByteBuffer out = ByteBuffer.allocate(Integer.BYTES + series.days.length * 3 * Integer.BYTES);
      out.putInt(-1 - series.days.length);
      for (int i = 0; i < series.days.length; i++) {
        out.putInt(series.days[i]).putInt(series.counts[i]).putInt(series.ends[i]);
      }
      return out.array();
    }
  }

  private static final class Reader implements Deserializer<KeywordSeries> {
    @Override
    public KeywordSeries deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(data);
      int stored = in.getInt();
      boolean withEnds = stored < 0;
      int n = withEnds ? -1 - stored : stored;
      int[] days = new int[n];
      int[] counts = new int[n];
      int[] ends = new int[n];
      for (int i = 0; i < n; i++) {
        days[i] = in.getInt();
        counts[i] = in.getInt();
        ends[i] = withEnds ? in.getInt() : counts[i];
      }
      return new KeywordSeries(days, counts, ends);
    }
  }
}
