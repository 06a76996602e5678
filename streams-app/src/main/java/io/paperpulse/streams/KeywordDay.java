package io.paperpulse.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One keyword on one day, as the keyword trends store it: the papers of the day that mention it,
 * the day's alphabetically first form of it (whatever order papers came in), and the ids of the
 * day's newest papers with it (highest ids, at most {@link KeywordTrendsTopology#SAMPLES}; their
 * titles are kept once a paper, by {@link KeywordHistory}).
 *
 * <p>Its stored form puts the count first and reads the rest only when asked: judging a day reads
 * a hundred days of counts for thousands of keywords, and needs no label or sample for most.
 */
public final class KeywordDay {
  private long count;
  private String label;
  private List<String> samples;
  /** The stored label and samples, not yet read. */
  private ByteBuffer rest;

  public KeywordDay(long count, String label, List<String> samples) {
    this.count = count;
    this.label = label;
    this.samples = samples;
  }

  private KeywordDay(long count, ByteBuffer rest) {
    this.count = count;
    this.rest = rest;
  }

  public long getCount() {
    return count;
  }

  public void setCount(long count) {
    this.count = count;
  }

  public String getLabel() {
    read();
    return label;
  }

  public void setLabel(String label) {
    read();
    this.label = label;
  }

  /** The samples, newest first; a list this record owns and callers may change. */
  public List<String> getSamples() {
    read();
    return samples;
  }

  private void read() {
    if (rest == null) {
      return;
    }
    label = string(rest);
    int n = rest.getInt();
    samples = new ArrayList<>(n + 1);
    for (int i = 0; i < n; i++) {
      samples.add(string(rest));
    }
    rest = null;
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  static Serde<KeywordDay> serde() {
    return Serdes.serdeFrom(new Writer(), new Reader());
  }

  private static final class Writer implements Serializer<KeywordDay> {
    @Override
    public byte[] serialize(String topic, KeywordDay day) {
      if (day == null) {
        return null;
      }
      List<byte[]> strings = new ArrayList<>();
      strings.add(day.getLabel().getBytes(StandardCharsets.UTF_8));
      for (String id : day.getSamples()) {
        strings.add(id.getBytes(StandardCharsets.UTF_8));
      }
      int size = Long.BYTES + Integer.BYTES;
      for (byte[] s : strings) {
        size += Integer.BYTES + s.length;
      }
      ByteBuffer out = ByteBuffer.allocate(size);
      out.putLong(day.count);
      out.putInt(strings.get(0).length).put(strings.get(0));
      out.putInt(day.getSamples().size());
      for (int i = 1; i < strings.size(); i++) {
        out.putInt(strings.get(i).length).put(strings.get(i));
      }
      return out.array();
    }
  }

  private static final class Reader implements Deserializer<KeywordDay> {
    @Override
    public KeywordDay deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(data);
      long count = in.getLong();
      return new KeywordDay(count, in);
    }
  }
}
