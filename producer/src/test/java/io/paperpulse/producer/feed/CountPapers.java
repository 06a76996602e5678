package io.paperpulse.producer.feed;

import io.paperpulse.avro.Paper;
import java.nio.file.Path;

/** Reads one file and prints "papers rejections": run in a small-heap JVM to prove bounded memory. */
public final class CountPapers {
  private CountPapers() {}

  public static void main(String[] args) throws Exception {
    long[] counts = new long[2];
    new FeedReader(ParseOptions.defaults()).read(Path.of(args[0]), new ParseListener() {
      @Override
      public void paper(Paper paper, String location) {
        counts[0]++;
      }

      @Override
      public void rejected(Rejection rejection) {
        counts[1]++;
      }
    });
    System.out.println(counts[0] + " " + counts[1]);
  }
}
