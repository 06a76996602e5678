package io.paperpulse.cli;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedException;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.PaperJson;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code paperpulse parse}: papers as JSON lines on stdout, rejects and a summary on stderr. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse feed files (any supported format, gzip or not) and print each paper as one JSON object a line.",
      "Rejected records go to stderr as FILE:LINE-or-INDEX: reason, then a summary.",
      "Exit 0 when every record parsed, 1 when some were rejected, 2 on usage or I/O errors."
    })
final class ParseCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files or directories.")
  List<Path> inputs;

  @Mixin FeedOptions feed;

  @Override
  public Integer call() throws IOException {
    List<Path> files = FeedReader.expand(inputs);
    FeedReader reader = new FeedReader(feed.toParseOptions());
    PrintStream err = System.err;
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    long[] counts = new long[3]; // papers, rejected records, unreadable files
    for (Path file : files) {
      try {
        reader.read(
            file,
            new ParseListener() {
              @Override
              public void paper(Paper paper, String location) {
                counts[0]++;
                try {
                  out.write(PaperJson.toJson(paper));
                  out.write('\n');
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }

              @Override
              public void rejected(Rejection rejection) {
                counts[1]++;
                err.println(rejection);
              }
            });
      } catch (FeedException e) {
        counts[2]++;
        out.flush();
        String message = e.getMessage();
        err.println(message.startsWith(file.toString()) ? message : file + ": " + message);
      }
    }
    out.flush();
    err.printf(
        "parsed %,d papers from %,d files; %,d records rejected; %,d files unreadable%n",
        counts[0], files.size(), counts[1], counts[2]);
    return counts[1] + counts[2] == 0 ? Main.OK : Main.REJECTED;
  }
}
