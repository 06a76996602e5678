package io.paperpulse.streams.keywordtrends;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A keyword's papers per closed day, oldest first, for the days it was mentioned: one small record
 * a keyword, appended to when a day closes, so judging a keyword reads one record instead of a
 * hundred days. Days before the window the trends need are dropped on the next append.
 */
public final class KeywordSeries {
  private static final KeywordSeries EMPTY = new KeywordSeries(new int[0], new int[0]);

  private final int[] days;
  private final int[] counts;

  private KeywordSeries(int[] days, int[] counts) {
    this.days = days;
    this.counts = counts;
  }

  static KeywordSeries empty() {
    return EMPTY;
  }

  /** This series with {@code count} papers on {@code day} (a day after every day it holds), without days before {@code keepFrom}. */
  KeywordSeries append(long day, long count, long keepFrom) {
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
    d[n] = Math.toIntExact(day);
    c[n] = (int) Math.min(count, Integer.MAX_VALUE);
    return new KeywordSeries(d, c);
  }

  /** The newest day held, or {@link Long#MIN_VALUE} when empty. */
  long lastDay() {
    return days.length == 0 ? Long.MIN_VALUE : days[days.length - 1];
  }

  /** Adds the counts of the days from {@code first} to {@code last} into {@code out}, indexed by day minus {@code first}. */
  void addTo(long[] out, long first, long last) {
    for (int i = 0; i < days.length; i++) {
      if (days[i] >= first && days[i] <= last) {
        out[(int) (days[i] - first)] += counts[i];
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
      ByteBuffer out = ByteBuffer.allocate(Integer.BYTES + series.days.length * 2 * Integer.BYTES);
      out.putInt(series.days.length);
      for (int i = 0; i < series.days.length; i++) {
        out.putInt(series.days[i]).putInt(series.counts[i]);
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
      int n = in.getInt();
      int[] days = new int[n];
      int[] counts = new int[n];
      for (int i = 0; i < n; i++) {
        days[i] = in.getInt();
        counts[i] = in.getInt();
      }
      return new KeywordSeries(days, counts);
    }
  }
}
