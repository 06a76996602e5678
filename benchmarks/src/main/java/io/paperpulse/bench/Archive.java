package io.paperpulse.bench;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedException;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.feed.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The benchmarks' input: the real arXiv daily listings of {@code ../shared/data}, each paper once. */
final class Archive {
  private Archive() {}

  /** {@code SHARED_DATA/arxiv-daily-cs/daily}, or an error saying it is needed. */
  static Path dailyListings(Path sharedData) {
    Path daily = sharedData.resolve("arxiv-daily-cs/daily");
    if (!Files.isDirectory(daily)) {
      throw new IllegalStateException("the benchmarks need the arXiv listings at " + daily + " (../shared/data)");
    }
    return daily;
  }

  /** Every distinct paper of the listings, in file (announcement day) order. */
  static List<Paper> papers(Path daily) throws IOException {
    return papers(daily, LocalDate.MIN, LocalDate.MAX);
  }

  /** Every distinct paper of the listings of {@code from} to {@code to} (by file name), in file order. */
  static List<Paper> papers(Path daily, LocalDate from, LocalDate to) throws IOException {
    List<Paper> papers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    FeedReader reader = new FeedReader(ParseOptions.defaults());
    try (var files = Files.list(daily)) {
      for (Path file : files.sorted().filter(f -> within(f, from, to)).toList()) {
        try {
          reader.read(file, new ParseListener() {
            @Override
            public void paper(Paper paper, String location) {
              if (seen.add(paper.getId())) {
                papers.add(paper);
              }
            }

            @Override
            public void rejected(Rejection rejection) {}
          });
        } catch (FeedException e) {
          // An unreadable file has no papers to give.
        }
      }
    }
    return papers;
  }

  /** Whether a listing file's day ({@code YYYY-MM-DD.jsonl.gz}) is in the range; any other file is. */
  private static boolean within(Path file, LocalDate from, LocalDate to) {
    String name = file.getFileName().toString();
    try {
      LocalDate day = LocalDate.parse(name.substring(0, Math.min(10, name.length())));
      return !day.isBefore(from) && !day.isAfter(to);
    } catch (DateTimeParseException e) {
      return true;
    }
  }
}
