package io.paperpulse.producer.publish;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The papers of a list of feed files in event-time order, with papers of equal time in input order
 * (file by file as listed, then as each file gives them): the order a stable sort of the whole
 * input would give, without holding the whole input in memory.
 *
 * <p>A file is read whole by a {@link Loader} and its papers sorted (a stable sort, so equal times
 * keep their order); a priority queue then holds one entry for each file, ordered by its next
 * paper's time and then by its index in the list, and hands out the least paper each time.
 *
 * <p>A daily listing named by its day ({@code 2025-03-18.jsonl.gz}, see {@link
 * FeedReader#listingDayFromName}) dates every paper it has at the start of that day, so its place
 * in the merge is known before it is read: it waits in the queue under that time, unread, and is
 * read only when it reaches the head. An archive of daily files is so read one file at a time, in
 * day order, and at most one of them is held in memory. Any other file is read when the merge is
 * made, since only its content tells its times; such feeds are small. The merge thus holds the
 * papers of the other files plus those of the daily file being published; {@link #maxBuffered}
 * tells the most it held at once.
 */
final class ReplayMerge {
  /** A paper and where it was read, as {@code FILE:LOCATION}. */
  record Located(Paper paper, String location) {
    Instant time() {
      return paper.getPublished();
    }
  }

  /** Reads one file's papers, in the order the file gives them, into a list the merge may sort. */
  @FunctionalInterface
  interface Loader {
    List<Located> load(Path file) throws IOException;
  }

  private static final Comparator<Located> BY_TIME = Comparator.comparing(Located::time);

  /** One input file: not read yet (its papers' time known from its name), or read and sorted. */
  private static final class Source {
    final Path file;
    final int index;
    final Instant earliest;
    List<Located> papers;
    int next;

    Source(Path file, int index, Instant earliest) {
      this.file = file;
      this.index = index;
      this.earliest = earliest;
    }

    Instant headTime() {
      return papers == null ? earliest : papers.get(next).time();
    }

    boolean exhausted() {
      return papers != null && next == papers.size();
    }

    Located take() {
      return papers.set(next++, null);
    }
  }

  private final Loader loader;
  private final PriorityQueue<Source> queue =
      new PriorityQueue<>(Comparator.comparing(Source::headTime).thenComparingInt(s -> s.index));
  private int filesRead;
  private long buffered;
  private long maxBuffered;

  /** Reads every file whose times its name does not tell; the daily listings wait in the queue. */
  ReplayMerge(List<Path> files, Loader loader) throws IOException {
    this.loader = loader;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Optional<LocalDate> day = FeedReader.listingDayFromName(file);
      Source source = new Source(file, i, day.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null));
      if (day.isEmpty()) {
        load(source);
      }
      enqueue(source);
    }
  }

  /** The next paper in event-time order, or null when every file is done. */
  Located next() throws IOException {
    for (Source head; (head = queue.poll()) != null; ) {
      if (head.papers == null) {
        load(head);
        enqueue(head);
        continue;
      }
      Located paper = head.take();
      buffered--;
      enqueue(head);
      return paper;
    }
    return null;
  }

  /** Files read so far. */
  int filesRead() {
    return filesRead;
  }

  /** The most papers held in memory at once so far. */
  long maxBuffered() {
    return maxBuffered;
  }

  private void enqueue(Source source) {
    if (!source.exhausted()) {
      queue.add(source);
    }
  }

  private void load(Source source) throws IOException {
    List<Located> papers = loader.load(source.file);
    papers.sort(BY_TIME);
    if (source.earliest != null && !papers.isEmpty() && papers.get(0).time().isBefore(source.earliest)) {
      throw new IllegalStateException(
          source.file + ": a paper at " + papers.get(0).time() + " precedes the day its name gives");
    }
    source.papers = papers;
    filesRead++;
    buffered += papers.size();
    maxBuffered = Math.max(maxBuffered, buffered);
  }
}
