package io.paperpulse.streams.keywordtrends;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A closed day's keywords on one partition, each with its record of the day ({@link KeywordDay}),
 * stored as {@value #CHUNKS} records a day under {@code day|chunk}: a keyword's chunk is fixed by
 * its key, so reading one keyword's day decodes a sixteenth of the day, and a day is a few records
 * to write, replicate and delete instead of one a keyword.
 */
final class ClosedDays {
  /** Records a closed day is split into. */
  static final int CHUNKS = 16;

  private ClosedDays() {}

  /** The chunk that holds {@code keyword}: {@link String#hashCode} is the same in every JVM. */
  static int chunkOf(String keyword) {
    return Math.floorMod(keyword.hashCode(), CHUNKS);
  }

  /** The key of a chunk of a day: the day's keys are one key range. */
  static String key(long day, int chunk) {
    return KeywordHistory.day(day) + '|' + (chunk < 10 ? "0" : "") + chunk;
  }

  /** A day's records split into chunks, each in the order of {@code day}'s iteration. */
  static List<Map<String, KeywordDay>> split(Iterable<Map.Entry<String, KeywordDay>> day) {
    List<Map<String, KeywordDay>> chunks = new ArrayList<>();
    for (int c = 0; c < CHUNKS; c++) {
      chunks.add(new LinkedHashMap<>());
    }
    for (Map.Entry<String, KeywordDay> e : day) {
      chunks.get(chunkOf(e.getKey())).put(e.getKey(), e.getValue());
    }
    return chunks;
  }

  /** A chunk as the number of its keywords, then each keyword and its record, each after its length. */
  static Serde<Map<String, KeywordDay>> serde() {
    return Serdes.serdeFrom(new Writer(), new Reader());
  }

  private static final class Writer implements Serializer<Map<String, KeywordDay>> {
    private final Serializer<KeywordDay> days = KeywordDay.serde().serializer();

    @Override
    public byte[] serialize(String topic, Map<String, KeywordDay> chunk) {
      if (chunk == null) {
        return null;
      }
      List<byte[]> parts = new ArrayList<>(2 * chunk.size());
      int size = Integer.BYTES;
      for (Map.Entry<String, KeywordDay> e : chunk.entrySet()) {
        byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] value = days.serialize(topic, e.getValue());
        parts.add(key);
        parts.add(value);
        size += 2 * Integer.BYTES + key.length + value.length;
      }
      ByteBuffer out = ByteBuffer.allocate(size);
      out.putInt(chunk.size());
      for (byte[] part : parts) {
        out.putInt(part.length).put(part);
      }
      return out.array();
    }
  }

  private static final class Reader implements Deserializer<Map<String, KeywordDay>> {
    private final Deserializer<KeywordDay> days = KeywordDay.serde().deserializer();

    @Override
    public Map<String, KeywordDay> deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(data);
      int n = in.getInt();
      Map<String, KeywordDay> chunk = new LinkedHashMap<>(2 * n);
      for (int i = 0; i < n; i++) {
        int keyLength = in.getInt();
        String key = new String(data, in.position(), keyLength, StandardCharsets.UTF_8);
        in.position(in.position() + keyLength);
        int valueLength = in.getInt();
        chunk.put(key, days.deserialize(topic, Arrays.copyOfRange(data, in.position(), in.position() + valueLength)));
        in.position(in.position() + valueLength);
      }
      return chunk;
    }
  }
}
