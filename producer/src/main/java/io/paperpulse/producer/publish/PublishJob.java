package io.paperpulse.producer.publish;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedException;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.Rejection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads feed files and publishes their papers, in file order ({@link #publish}) or in event-time
 * order ({@link #replay}). Every rejected record and failed delivery is written to {@code errors}
 * as {@code FILE:LOCATION: reason}; the summary accounts for every record read.
 */
public final class PublishJob {
  /** How to replay: the date range (inclusive, either may be null) and the speed. */
  public record ReplayOptions(LocalDate from, LocalDate to, double speed) {
    /** As fast as possible, no date limits. */
    public static ReplayOptions fastest() {
      return new ReplayOptions(null, null, 0);
    }

    boolean includes(Instant time) {
      LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
      return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
  }

  private final FeedReader reader;
  private final PaperPublisher publisher;
  private final PrintStream errors;
  private final Progress progress;
  // Written by the publishing thread only; volatile so a metrics endpoint can read them.
  private volatile long read;
  private volatile long rejected;
  private volatile long skipped;
  private long maxBuffered;

  public PublishJob(FeedReader reader, PaperPublisher publisher, PrintStream errors, Progress progress) {
    this.reader = reader;
    this.publisher = publisher;
    this.errors = errors;
    this.progress = progress;
  }

  /** Publishes each file's papers as they are read. */
  public PublishSummary publish(List<Path> files) throws IOException {
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      readFile(file, (paper, location) -> publisher.send(paper, file + ":" + location));
      progress.update(i + 1, files.size(), "files", publisher.acknowledged());
    }
    return finish();
  }

  /**
   * Publishes the files' papers in event-time order (the order of input for equal times),
   * optionally paced so that {@code speed} seconds of event time pass per second. The files are
   * merged as {@link ReplayMerge} describes: daily listings named by their day are read one at a
   * time as their day comes, so publishing starts at once and memory does not grow with the
   * archive.
   */
  public PublishSummary replay(List<Path> files, ReplayOptions options)
      throws IOException, InterruptedException {
    ReplayMerge merge = new ReplayMerge(files, file -> readIncluded(file, options));
    long startNanos = 0;
    Instant first = null;
    for (ReplayMerge.Located next; (next = merge.next()) != null; ) {
      if (first == null) {
        startNanos = System.nanoTime();
        first = next.time();
      }
      pace(options.speed(), startNanos, first, next.time());
      publisher.send(next.paper(), next.location());
      progress.update(merge.filesRead(), files.size(), "files", publisher.acknowledged());
    }
    maxBuffered = merge.maxBuffered();
    return finish();
  }

  /**
   * The papers of one file that fall in the replay's date range; the others are counted as skipped.
   * A daily listing named by a day outside the range is skipped whole, its malformed records too:
   * they are not part of what was asked for.
   */
  private List<ReplayMerge.Located> readIncluded(Path file, ReplayOptions options) throws IOException {
    List<ReplayMerge.Located> papers = new ArrayList<>();
    boolean outside = FeedReader.listingDayFromName(file)
        .map(day -> !options.includes(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .orElse(false);
    readFile(
        file,
        (paper, location) -> {
          if (!outside && options.includes(paper.getPublished())) {
            papers.add(new ReplayMerge.Located(paper, file + ":" + location));
          } else {
            skipped++;
          }
        },
        outside);
    return papers;
  }

  /** Waits until {@code time} is due, {@code speed} seconds of event time a second after {@code first}. */
  private void pace(double speed, long startNanos, Instant first, Instant time) throws InterruptedException {
    if (speed <= 0) {
      return;
    }
    long eventMillis = time.toEpochMilli() - first.toEpochMilli();
    long dueNanos = startNanos + (long) (eventMillis * 1e6 / speed);
    long wait = dueNanos - System.nanoTime();
    if (wait > 0) {
      publisher.flush();
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** The most papers the last replay held in memory at once, waiting to be published. */
  long maxBuffered() {
    return maxBuffered;
  }

  /** Records read so far, papers and rejects alike. */
  public long read() {
    return read;
  }

  public long rejected() {
    return rejected;
  }

  public long skipped() {
    return skipped;
  }

  public PaperPublisher publisher() {
    return publisher;
  }

  private interface PaperSink {
    void accept(Paper paper, String location);
  }

  private void readFile(Path file, PaperSink sink) throws IOException {
    readFile(file, sink, false);
  }

  /** Reads {@code file} into {@code sink}; with {@code skipRejects}, a malformed record counts as skipped. */
  private void readFile(Path file, PaperSink sink, boolean skipRejects) throws IOException {
    try {
      reader.read(
          file,
          new ParseListener() {
            @Override
            public void paper(Paper paper, String location) {
              read++;
              sink.accept(paper, location);
            }

            @Override
            public void rejected(Rejection rejection) {
              read++;
              if (skipRejects) {
                skipped++;
              } else {
                rejected++;
                errors.println(rejection);
              }
            }
          });
    } catch (FeedException e) {
      // The whole file is unreadable: it counts as one rejected record, so the totals still add up.
      read++;
      if (skipRejects) {
        skipped++;
        return;
      }
      rejected++;
      errors.println(e.getMessage().startsWith(file.toString()) ? e.getMessage() : file + ": " + e.getMessage());
    }
  }

  private PublishSummary finish() {
    publisher.flush();
    progress.finish();
    for (PaperPublisher.Failure failure : publisher.failures()) {
      errors.println(failure);
    }
    if (publisher.failed() > publisher.failures().size()) {
      errors.println("... and " + (publisher.failed() - publisher.failures().size()) + " more failed deliveries");
    }
    return new PublishSummary(
        read, publisher.acknowledged(), publisher.duplicates(), rejected, skipped, publisher.failed());
  }
}
