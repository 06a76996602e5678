package io.paperpulse.streams.analytics;

import io.paperpulse.streams.papers.PaperSummary;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What one enriched paper gives one partition of the {@code analytics} topic: the terms it
 * mentions that are keyed to that partition, its subjects keyed there, and the paper's event time
 * and source partition of {@code papers}. Every paper sends one to every partition, even with no
 * term for it: that is how each analytics partition follows every source partition's event time
 * (its {@link Watermark}) and counts all papers per day. A paper thus crosses the repartition
 * topic as one compact record a partition, its title once, not once per term.
 *
 * @param sourcePartition the paper's partition of {@code papers}
 * @param target the partition of the {@code analytics} topic this is for
 * @param paperId the paper
 * @param title the paper's title, for the samples of its keywords
 * @param terms the keys of the terms keyed to {@code target}, each with its label, as pairs
 * @param subjects the research subjects keyed to {@code target}
 * @param summary the paper as the trending-papers ranking needs it, on the one partition that
 *     ranks the paper ({@link PaperSummary#partitionOf}); null on the others
 * @param primarySubject the paper's first subject, on every partition ("" when it has none): each
 *     keeps what the feed lists by subject, to tell a keyword's rise from a change of the feed
 */
public record Contribution(
    int sourcePartition, int target, String paperId, String title, List<Term> terms, List<String> subjects, PaperSummary summary,
    String primarySubject) {
  public Contribution(int sourcePartition, int target, String paperId, String title, List<Term> terms, List<String> subjects) {
    this(sourcePartition, target, paperId, title, terms, subjects, null, "");
  }

  public Contribution(
      int sourcePartition, int target, String paperId, String title, List<Term> terms, List<String> subjects, PaperSummary summary) {
    this(sourcePartition, target, paperId, title, terms, subjects, summary, "");
  }

  /**
   * A term the paper mentions: its key, how the paper writes it, and whether the paper writes it
   * where its phrase ends at least once ({@link io.paperpulse.streams.keywords.MentionTerms.Term#ends}).
   */
  public record Term(String key, String label, boolean ends) {
    public Term(String key, String label) {
      this(key, label, true);
    }
  }

  /** Whether this is a paper listed again, which only the trending papers count (as a listing). */
  public boolean relisting() {
    return summary != null && summary.relisting();
  }

  /** The key a subject is partitioned by: apart from every keyword key (lower case). */
  public static String subjectKey(String subject) {
    return "#" + subject;
  }

  /** A compact binary form. */
  public static Serde<Contribution> serde() {
    return Serdes.serdeFrom(new Writer(), new Reader());
  }

  private static final class Writer implements Serializer<Contribution> {
    @Override
    public byte[] serialize(String topic, Contribution c) {
      if (c == null) {
        return null;
      }
      List<byte[]> strings = new ArrayList<>();
      strings.add(bytes(c.paperId));
      strings.add(bytes(c.title));
      for (Term t : c.terms) {
        strings.add(bytes(t.key()));
        strings.add(bytes(t.label()));
      }
      c.subjects.forEach(s -> strings.add(bytes(s)));
      byte[] summary = c.summary == null ? null : PaperSummary.toBytes(c.summary);
      byte[] primary = bytes(c.primarySubject == null ? "" : c.primarySubject);
      // A bit for each term that never ends its phrase, in term order: none in records written before.
      byte[] inner = new byte[(c.terms.size() + 7) / 8];
      for (int i = 0; i < c.terms.size(); i++) {
        if (!c.terms.get(i).ends()) {
          inner[i / 8] |= (byte) (1 << (i % 8));
        }
      }
      int size = 4 * 4 + 4 + (summary == null ? 0 : summary.length) + 4 + primary.length + inner.length;
      for (byte[] s : strings) {
        size += 4 + s.length;
      }
      ByteBuffer out = ByteBuffer.allocate(size);
      out.putInt(c.sourcePartition).putInt(c.target).putInt(c.terms.size()).putInt(c.subjects.size());
      for (byte[] s : strings) {
        out.putInt(s.length).put(s);
      }
      // Optional at the end (a summary's length of -1 when none), so records written before they existed still read.
      if (summary == null) {
        out.putInt(-1);
      } else {
        out.putInt(summary.length).put(summary);
      }
      out.putInt(primary.length).put(primary);
      out.put(inner);
      return out.array();
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final class Reader implements Deserializer<Contribution> {
    @Override
    public Contribution deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(data);
      int source = in.getInt();
      int target = in.getInt();
      int terms = in.getInt();
      int subjects = in.getInt();
      String id = string(in);
      String title = string(in);
      List<Term> termList = new ArrayList<>(terms);
      for (int i = 0; i < terms; i++) {
        termList.add(new Term(string(in), string(in)));
      }
      List<String> subjectList = new ArrayList<>(subjects);
      for (int i = 0; i < subjects; i++) {
        subjectList.add(string(in));
      }
      PaperSummary summary = null;
      if (in.hasRemaining()) {
        int length = in.getInt();
        if (length >= 0) {
          byte[] bytes = new byte[length];
          in.get(bytes);
          summary = PaperSummary.fromBytes(bytes);
        }
      }
      String primary = in.hasRemaining() ? string(in) : "";
      if (in.remaining() >= (terms + 7) / 8) {
        for (int i = 0; i < terms; i += 8) {
          byte inner = in.get();
          for (int j = i; j < Math.min(terms, i + 8); j++) {
            if ((inner & (1 << (j - i))) != 0) {
              Term t = termList.get(j);
              termList.set(j, new Term(t.key(), t.label(), false));
            }
          }
        }
      }
      return new Contribution(source, target, id, title, termList, subjectList, summary, primary);
    }

    private static String string(ByteBuffer in) {
      int length = in.getInt();
      String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
      return s;
    }
  }
}
