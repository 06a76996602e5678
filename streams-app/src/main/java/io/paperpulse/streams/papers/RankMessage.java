package io.paperpulse.streams.papers;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What crosses the ranking's internal topics: a partition of the analytics topic tells
 * every ranking partition its day's trending keywords ({@link Kind#KEYWORD}) and that the day is
 * judged ({@link Kind#CLOSED}); a ranking partition tells the merge step its best papers of a
 * window, all in one message ({@link Kind#TOP}), and that it has sent them all ({@link Kind#DONE}).
 * Versions before {@link Kind#TOP} sent each paper on its own ({@link Kind#ENTRY}); the merge step
 * still takes those.
 *
 * @param partition the sending partition
 * @param day the day closed, or the last day of the window ranked
 * @param window the keyword-trend window of a keyword, the paper window of an entry
 * @param keyword a trending keyword's key
 * @param label how papers write the keyword
 * @param score the keyword's trend score, or the paper's score
 * @param paper the paper of an entry
 * @param keywords the trending keywords behind an entry's score
 * @param entries a partition's best papers of a window, best first, each an {@link Kind#ENTRY}
 * @param pValue a trending keyword's p-value
 * @param tests a closed day's tests ({@link DayClosed#tests}); empty from versions before them
 */
public record RankMessage(
    Kind kind, int partition, long day, String window, String keyword, String label, double score,
    PaperSummary paper, List<TrendingScore.Share> keywords, List<RankMessage> entries, double pValue, List<Long> tests) {
  public enum Kind { KEYWORD, CLOSED, ENTRY, DONE, TOP }

  /** The binary form before {@link #pValue} and {@link #tests}, still read. */
  private static final byte BINARY_1 = 1;
  private static final byte BINARY = 2;
  /** A kind is stored as its ordinal: new kinds go at the end of {@link Kind}. */
  private static final Kind[] KINDS = Kind.values();

  public RankMessage {
    entries = entries == null ? List.of() : entries; // JSON of versions before TOP has none
    tests = tests == null ? List.of() : tests;
  }

  /**
   * On the ranking's internal topics and in its stores, in a compact binary form (a format byte,
   * then each field); the JSON that versions before it wrote still reads.
   */
  public static Serde<RankMessage> serde() {
    return Serdes.serdeFrom((topic, value) -> value == null ? null : toBytes(value), (topic, bytes) -> bytes == null ? null : fromBytes(bytes));
  }

  static byte[] toBytes(RankMessage m) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(m.paper == null ? 64 : 512);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(BINARY);
      out.writeByte(m.kind.ordinal());
      out.writeInt(m.partition);
      out.writeLong(m.day);
      BinaryFields.writeString(out, m.window);
      BinaryFields.writeString(out, m.keyword);
      BinaryFields.writeString(out, m.label);
      out.writeDouble(m.score);
      out.writeBoolean(m.paper != null);
      if (m.paper != null) {
        PaperSummary.write(out, m.paper);
      }
      List<TrendingScore.Share> shares = m.keywords == null ? List.of() : m.keywords;
      out.writeInt(shares.size());
      for (TrendingScore.Share share : shares) {
        BinaryFields.writeString(out, share.keyword());
        BinaryFields.writeString(out, share.label());
        out.writeDouble(share.contribution());
      }
      if (m.kind == Kind.TOP) {
        out.writeInt(m.entries.size());
        for (RankMessage entry : m.entries) {
          byte[] b = toBytes(entry);
          out.writeInt(b.length);
          out.write(b);
        }
      }
      out.writeDouble(m.pValue);
      out.writeInt(m.tests.size());
      for (long n : m.tests) {
        out.writeLong(n);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  static RankMessage fromBytes(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return Json.read(bytes, RankMessage.class);
    }
    if (bytes.length == 0 || bytes[0] != BINARY && bytes[0] != BINARY_1) {
      throw new SerializationException("not a ranking message: format byte " + (bytes.length == 0 ? "missing" : bytes[0]));
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
      int kind = in.get();
      if (kind < 0 || kind >= KINDS.length) {
        throw new SerializationException("not a ranking message: kind " + kind);
      }
      int partition = in.getInt();
      long day = in.getLong();
      String window = BinaryFields.readString(in);
      String keyword = BinaryFields.readString(in);
      String label = BinaryFields.readString(in);
      double score = in.getDouble();
      PaperSummary paper = in.get() != 0 ? PaperSummary.read(in) : null;
      int n = in.getInt();
      if (n < 0 || n > in.remaining() / 16) {
        throw new BufferUnderflowException();
      }
      List<TrendingScore.Share> shares = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        shares.add(new TrendingScore.Share(BinaryFields.readString(in), BinaryFields.readString(in), in.getDouble()));
      }
      List<RankMessage> entries = new ArrayList<>();
      if (KINDS[kind] == Kind.TOP) {
        int m = in.getInt();
        if (m < 0 || m > in.remaining() / 4) {
          throw new BufferUnderflowException();
        }
        for (int i = 0; i < m; i++) {
          int length = in.getInt();
          if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
          }
          byte[] entry = new byte[length];
          in.get(entry);
          if (entry.length < 2 || entry[0] != bytes[0] || entry[1] != Kind.ENTRY.ordinal()) {
            throw new SerializationException("not a ranking message: a best papers' message holds something else than a paper");
          }
          RankMessage e = fromBytes(entry);
          if (e.paper() == null) {
            throw new SerializationException("not a ranking message: a best papers' message holds an entry without its paper");
          }
          entries.add(e);
        }
      }
      double pValue = 0;
      List<Long> tests = new ArrayList<>();
      if (bytes[0] == BINARY) {
        pValue = in.getDouble();
        int t = in.getInt();
        if (t < 0 || t > in.remaining() / 8) {
          throw new BufferUnderflowException();
        }
        for (int i = 0; i < t; i++) {
          tests.add(in.getLong());
        }
      }
      return new RankMessage(
          KINDS[kind], partition, day, window, keyword, label, score, paper, List.copyOf(shares), List.copyOf(entries), pValue, List.copyOf(tests));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new SerializationException("cannot read a ranking message: it ends early or holds a bad length", e);
    }
  }

  static RankMessage keyword(int partition, long day, String window, String keyword, String label, double score, double pValue) {
    return new RankMessage(Kind.KEYWORD, partition, day, window, keyword, label, score, null, List.of(), List.of(), pValue, List.of());
  }

  static RankMessage closed(int partition, long day, List<Long> tests) {
    return new RankMessage(Kind.CLOSED, partition, day, null, null, null, 0, null, List.of(), List.of(), 0, tests);
  }

  static RankMessage entry(int partition, long day, PaperWindow window, PaperSummary paper, TrendingScore.Scored scored) {
    return new RankMessage(Kind.ENTRY, partition, day, window.name(), null, null, scored.score(), paper, scored.keywords(), List.of(), 0, List.of());
  }

  /** An entry as the merge step needs it: the paper without its terms ({@link PaperSummary#withoutTerms}). */
  RankMessage withoutTerms() {
    return paper == null ? this : new RankMessage(kind, partition, day, window, keyword, label, score, paper.withoutTerms(), keywords, entries, pValue, tests);
  }

  static RankMessage done(int partition, long day) {
    return new RankMessage(Kind.DONE, partition, day, null, null, null, 0, null, List.of(), List.of(), 0, List.of());
  }

  /** A partition's best papers of a window ending on {@code day}, best first, as the merge step needs them. */
  static RankMessage top(int partition, long day, PaperWindow window, List<RankMessage> entries) {
    List<RankMessage> light = entries.stream().map(RankMessage::withoutTerms).toList();
    return new RankMessage(Kind.TOP, partition, day, window.name(), null, null, 0, null, List.of(), light, 0, List.of());
  }

  /**
   * A partition's best papers of a window, best first, in as few messages as keep each under about
   * {@code maxBytes} (a paper with thousands of authors is large): always at least one.
   */
  static List<RankMessage> tops(int partition, long day, PaperWindow window, List<RankMessage> entries, int maxBytes) {
    List<RankMessage> out = new ArrayList<>();
    List<RankMessage> part = new ArrayList<>();
    int size = 0;
    for (RankMessage entry : entries) {
      int bytes = toBytes(entry.withoutTerms()).length + Integer.BYTES;
      if (!part.isEmpty() && size + bytes > maxBytes) {
        out.add(top(partition, day, window, part));
        part = new ArrayList<>();
        size = 0;
      }
      part.add(entry);
      size += bytes;
    }
    if (!part.isEmpty() || out.isEmpty()) {
      out.add(top(partition, day, window, part));
    }
    return out;
  }
}
