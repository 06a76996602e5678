package io.paperpulse.cli;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedException;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.feed.Rejection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads feed files one after another for the commands that print papers ({@code parse}, {@code keywords --feed}):
 * each paper goes to a sink, each rejected record and unreadable file is named on stderr, and the counts come back
 * so the command can print a summary that adds up.
 */
final class FeedScan {
  /** Where the papers go. {@link #flush} runs before an error line, so stdout and stderr keep their order. */
  interface Sink {
    void paper(Path file, Paper paper) throws IOException;

    default void flush() throws IOException {}
  }

  /** What one scan saw: every record is a paper or a rejection, unless its whole file was unreadable. */
  record Counts(long papers, int files, long rejected, long unreadable) {
    boolean clean() {
      return rejected == 0 && unreadable == 0;
    }

    /** For example "parsed 47 papers from 1 files; 0 records rejected; 0 files unreadable". */
    String summary(String verb) {
      return String.format(
          "%s %,d papers from %,d files; %,d records rejected; %,d files unreadable",
          verb, papers, files, rejected, unreadable);
    }
  }

  private FeedScan() {}

  /** Reads every file under {@code inputs} (directories are expanded as {@code publish} does). */
  static Counts read(List<Path> inputs, ParseOptions options, PrintStream err, Sink sink) throws IOException {
    List<Path> files = FeedReader.expand(inputs);
    FeedReader reader = new FeedReader(options);
    long[] counts = new long[3]; // papers, rejected records, unreadable files
    for (Path file : files) {
      try {
        reader.read(file, new ParseListener() {
          @Override
          public void paper(Paper paper, String location) {
            counts[0]++;
            try {
              sink.paper(file, paper);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void rejected(Rejection rejection) {
            counts[1]++;
            try {
              sink.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            err.println(rejection);
          }
        });
      } catch (FeedException e) {
        counts[2]++;
        sink.flush();
        String message = e.getMessage();
        err.println(message.startsWith(file.toString()) ? message : file + ": " + message);
      }
    }
    sink.flush();
    return new Counts(counts[0], files.size(), counts[1], counts[2]);
  }
}
