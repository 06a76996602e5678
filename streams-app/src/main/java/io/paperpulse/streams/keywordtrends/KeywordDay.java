package io.paperpulse.streams.keywordtrends;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One keyword on one day, as the keyword trends store it: the papers of the day that mention it,
 * the forms papers wrote it in with their papers, and the ids of the day's newest papers with it
 * (highest ids, at most {@link KeywordTrendsTopology#SAMPLES}; their titles are kept once a paper,
 * by {@link KeywordHistory}), and how many of its papers write it where its phrase ends ({@link
 * io.paperpulse.streams.keywords.MentionTerms.Term#ends}). Its label is the form most papers of the day wrote, the
 * alphabetically first on a tie, so it does not depend on the order papers came in, and one paper
 * that capitalises a common word does not make it read as a name.
 *
 * <p>Its stored form puts the count first and reads the rest only when asked: judging a day reads
 * thousands of keywords, and needs no label or sample for most. The papers that end the phrase
 * follow the count, which a record holding them stores as {@code -1 - count}; a record written
 * before they were counted reads as if all its papers did.
 */
public final class KeywordDay {
  private long count;
  private Map<String, Long> forms;
  private List<String> samples;
  private long ends;
  /** The stored forms and samples, not yet read. */
  private ByteBuffer rest;

  KeywordDay(long count, String label, List<String> samples) {
    this.count = count;
    this.forms = new TreeMap<>();
    this.forms.put(label, 1L);
    this.samples = samples;
  }

  private KeywordDay(long count, long ends, ByteBuffer rest) {
    this.count = count;
    this.ends = ends;
    this.rest = rest;
  }

  public long getCount() {
    return count;
  }

  void setCount(long count) {
    this.count = count;
  }

  /** Papers of the day that write the keyword where its phrase ends. */
  public long getEnds() {
    return ends;
  }

  /** Counts one more paper that writes the keyword where its phrase ends. */
  void countEnd() {
    ends++;
  }

  /** The form most papers of the day wrote; the alphabetically first on a tie. */
  public String getLabel() {
    read();
    String best = null;
    long most = 0;
    for (Map.Entry<String, Long> form : forms.entrySet()) {
      if (form.getValue() > most) {
        best = form.getKey();
        most = form.getValue();
      }
    }
    return best;
  }

  /** Counts one more paper that wrote the keyword as {@code form}. */
  void addForm(String form) {
    read();
    forms.merge(form, 1L, Long::sum);
  }

  /** The samples, newest first; a list this record owns and callers may change. */
  List<String> getSamples() {
    read();
    return samples;
  }

  private void read() {
    if (rest == null) {
      return;
    }
    int n = rest.getInt();
    forms = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String form = string(rest);
      forms.put(form, rest.getLong());
    }
    int m = rest.getInt();
    samples = new ArrayList<>(m + 1);
    for (int i = 0; i < m; i++) {
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
      day.read();
      List<byte[]> forms = new ArrayList<>();
      List<byte[]> samples = new ArrayList<>();
      day.forms.keySet().forEach(f -> forms.add(f.getBytes(StandardCharsets.UTF_8)));
      day.samples.forEach(id -> samples.add(id.getBytes(StandardCharsets.UTF_8)));
      int size = 2 * Long.BYTES + 2 * Integer.BYTES + forms.size() * (Integer.BYTES + Long.BYTES) + samples.size() * Integer.BYTES;
      for (byte[] b : forms) {
        size += b.length;
      }
      for (byte[] b : samples) {
        size += b.length;
      }
      ByteBuffer out = ByteBuffer.allocate(size);
      out.putLong(-1 - day.count).putLong(day.ends);
      out.putInt(forms.size());
      int i = 0;
      for (long papers : day.forms.values()) {
        out.putInt(forms.get(i).length).put(forms.get(i++)).putLong(papers);
      }
      out.putInt(samples.size());
      for (byte[] id : samples) {
        out.putInt(id.length).put(id);
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
      long stored = in.getLong();
      return stored < 0 ? new KeywordDay(-1 - stored, in.getLong(), in) : new KeywordDay(stored, stored, in);
    }
  }
}
