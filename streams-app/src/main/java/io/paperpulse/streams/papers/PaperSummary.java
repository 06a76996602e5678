package io.paperpulse.streams.papers;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.streams.analytics.AnalyticsPartitioner;
import io.paperpulse.streams.analytics.Days;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A paper as the trending-papers ranking needs it: what the page shows, its day, its community
 * signals, and the keys of every term it mentions (as the keyword trends count them).
 *
 * @param day the paper's event day (epoch day)
 * @param upvotes most upvotes a feed gave it, null when none did
 * @param timesListed listings of the paper seen
 * @param terms the keys of the terms the paper mentions
 * @param relisting whether this is a later listing of a paper already summarised (its {@code day}
 *     is the first listing's; it carries this listing's upvotes and no terms)
 */
public record PaperSummary(
    String paperId,
    String title,
    List<String> authors,
    String abstractStart,
    String url,
    List<String> subjects,
    long day,
    Integer upvotes,
    int timesListed,
    List<String> terms,
    boolean relisting) {
  /** Longest {@link #abstractStart}. */
  static final int ABSTRACT_CHARS = 400;

  private static final Pattern ARXIV_ID = Pattern.compile("\\d{4}\\.\\d{4,5}");
  /** A LaTeX font command around plain text, as abstracts carry them: "\\emph{new}". */
  private static final Pattern FONT_COMMAND =
      Pattern.compile("\\\\(?:emph|textbf|textit|texttt|textsc|textrm|textsf|underline)\\{([^{}\\\\$]*)\\}");

  /** The summary of an enriched paper, listed once so far. */
  public static PaperSummary of(EnrichedPaper enriched, List<String> subjects, List<String> terms) {
    Paper paper = enriched.getPaper();
    return new PaperSummary(
        paper.getId(),
        paper.getTitle(),
        List.copyOf(paper.getAuthors()),
        abstractStart(paper.getAbstract$()),
        url(paper),
        List.copyOf(subjects),
        Days.of(paper.getPublished()),
        paper.getUpvotes(),
        1,
        List.copyOf(terms),
        false);
  }

  /** A later listing of a paper first listed on {@code firstDay}. */
  public static PaperSummary relisting(Paper paper, long firstDay) {
    return new PaperSummary(paper.getId(), paper.getTitle(), List.of(), "", null, List.of(), firstDay, paper.getUpvotes(), 1, List.of(), true);
  }

  /** The summary with another listing of the paper counted in. */
  PaperSummary listedAgain(PaperSummary again) {
    Integer votes = upvotes == null ? again.upvotes : again.upvotes == null ? upvotes : Integer.valueOf(Math.max(upvotes, again.upvotes));
    return new PaperSummary(paperId, title, authors, abstractStart, url, subjects, day, votes, timesListed + 1, terms, false);
  }

  /**
   * The summary without its terms: what the ranking's merge step needs of a paper it places, which
   * only scoring reads the terms for (they were most of an entry's bytes on {@code paper-ranking}).
   */
  PaperSummary withoutTerms() {
    return new PaperSummary(paperId, title, authors, abstractStart, url, subjects, day, upvotes, timesListed, List.of(), relisting);
  }

  /** The partition of {@code partitions} that ranks the paper: as Kafka places its id. */
  public static int partitionOf(String paperId, int partitions) {
    return AnalyticsPartitioner.partitionOf(paperId, partitions);
  }

  /**
   * The abstract's first sentences that fit in {@value #ABSTRACT_CHARS} characters, else its first
   * words; font commands are taken off the words they set ("\\textbf{X}" reads "X").
   */
  static String abstractStart(String abstractText) {
    String text = FONT_COMMAND.matcher(abstractText).replaceAll("$1");
    if (text.length() <= ABSTRACT_CHARS) {
      return text;
    }
    int end = -1;
    for (int i = text.indexOf(". "); i >= 0 && i < ABSTRACT_CHARS; i = text.indexOf(". ", i + 1)) {
      end = i + 1;
    }
    if (end > 0) {
      return text.substring(0, end);
    }
    int space = text.lastIndexOf(' ', ABSTRACT_CHARS - 1);
    return text.substring(0, space > 0 ? space : ABSTRACT_CHARS - 1) + "…";
  }

  /**
   * The abstract page the feed gives, else the arXiv one for an arXiv id, else an arXiv search for
   * the title (a trending page gives no id).
   */
  static String url(Paper paper) {
    if (paper.getLinks() != null && paper.getLinks().getAbs() != null) {
      return paper.getLinks().getAbs();
    }
    if (ARXIV_ID.matcher(paper.getId()).matches()) {
      return "https://arxiv.org/abs/" + paper.getId();
    }
    return "https://arxiv.org/search/?searchtype=title&query=" + URLEncoder.encode(paper.getTitle(), StandardCharsets.UTF_8);
  }

  /**
   * The summary in a compact binary form (a format byte, then each field): a day's ranking reads
   * every summary of the last 30 days, which JSON made a tenth of a backfill's CPU.
   */
  public static byte[] toBytes(PaperSummary summary) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(BINARY);
      write(out, summary);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** The summary's fields, as {@link #toBytes} writes them after its format byte. */
  static void write(DataOutputStream out, PaperSummary summary) throws IOException {
    BinaryFields.writeString(out, summary.paperId);
    BinaryFields.writeString(out, summary.title);
    BinaryFields.writeStrings(out, summary.authors);
    BinaryFields.writeString(out, summary.abstractStart);
    BinaryFields.writeString(out, summary.url);
    BinaryFields.writeStrings(out, summary.subjects);
    out.writeLong(summary.day);
    out.writeInt(summary.upvotes == null ? -1 : summary.upvotes);
    out.writeInt(summary.timesListed);
    BinaryFields.writeStrings(out, summary.terms);
    out.writeBoolean(summary.relisting);
  }

  /** A summary from {@link #toBytes}, or from the JSON that versions before it wrote. */
  public static PaperSummary fromBytes(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return Json.read(bytes, PaperSummary.class);
    }
    if (bytes.length == 0 || bytes[0] != BINARY) {
      throw new SerializationException("not a paper summary: format byte " + (bytes.length == 0 ? "missing" : bytes[0]));
    }
    try {
      return read(ByteBuffer.wrap(bytes, 1, bytes.length - 1));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new SerializationException("cannot read a paper summary: it ends early or holds a bad length", e);
    }
  }

  /** The fields {@link #write} wrote, from {@code in}'s position on. */
  static PaperSummary read(ByteBuffer in) {
    String paperId = BinaryFields.readString(in);
    String title = BinaryFields.readString(in);
    List<String> authors = BinaryFields.readStrings(in);
    String abstractStart = BinaryFields.readString(in);
    String url = BinaryFields.readString(in);
    List<String> subjects = BinaryFields.readStrings(in);
    long day = in.getLong();
    int upvotes = in.getInt();
    int timesListed = in.getInt();
    List<String> terms = BinaryFields.readStrings(in);
    boolean relisting = in.get() != 0;
    return new PaperSummary(paperId, title, authors, abstractStart, url, subjects, day, upvotes < 0 ? null : upvotes, timesListed, terms, relisting);
  }

  /** Serde of {@link #toBytes} and {@link #fromBytes}. */
  static Serde<PaperSummary> serde() {
    return Serdes.serdeFrom((topic, value) -> value == null ? null : toBytes(value), (topic, bytes) -> bytes == null ? null : fromBytes(bytes));
  }

  private static final byte BINARY = 1;
}
