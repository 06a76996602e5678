package io.paperpulse.it;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.feed.Rejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Feed files read with the producer's parser, as {@code ./paperpulse publish} reads them. */
final class Feeds {
  private Feeds() {}

  /** Every paper of the files, in file order; rejected records are left out. */
  static List<Paper> parse(List<Path> files, ParseOptions options) throws Exception {
    List<Paper> papers = new ArrayList<>();
    FeedReader reader = new FeedReader(options);
    for (Path file : files) {
      reader.read(file, new ParseListener() {
        @Override
        public void paper(Paper paper, String location) {
          papers.add(paper);
        }

        @Override
        public void rejected(Rejection rejection) {}
      });
    }
    return papers;
  }
}
