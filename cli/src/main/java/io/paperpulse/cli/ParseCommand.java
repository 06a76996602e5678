package io.paperpulse.cli;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.PaperJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    FeedScan.Counts counts = FeedScan.read(inputs, feed.toParseOptions(), System.err, new FeedScan.Sink() {
      @Override
      public void paper(Path file, Paper paper) throws IOException {
        out.write(PaperJson.toJson(paper));
        out.write('\n');
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    });
    System.err.println(counts.summary("parsed"));
    return counts.clean() ? Main.OK : Main.REJECTED;
  }
}
