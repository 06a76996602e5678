package io.paperpulse.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.Paper;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperpulse keywords}: the keywords the enrichment would give each text file, or each paper of a feed. */
@Command(
    name = "keywords",
    mixinStandardHelpOptions = true,
    description = {
      "Print the keywords extracted from each text file, one JSON object a line.",
      "Each line reads {\"file\": ..., \"keywords\": [...]}, best first. The first line of a file is read as its title.",
      "With --feed, each FILE is a feed (any format that parse reads) and each paper gets a line"
          + " {\"file\": ..., \"id\": ..., \"title\": ..., \"keywords\": [...]}; rejected records go to stderr"
          + " and the exit code is then 1; a summary of the counts ends stderr."
    })
final class KeywordsCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Plain-text files (UTF-8), or feed files with --feed.")
  List<Path> files;

  @Option(names = "--top", defaultValue = "10", description = "How many keywords per file (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--no-title", description = "Read the whole file as body text, with no title line.")
  boolean noTitle;

  @Option(names = "--feed", description = "Read each FILE as a feed and print the keywords of each of its papers.")
  boolean feed;

  @Mixin FeedOptions feedOptions;

  private final KeywordExtractor extractor = new KeywordExtractor(DocumentFrequencies.bundled());
  private final ObjectMapper json = new ObjectMapper();
  private final Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, not " + top);
    }
    int code = feed ? papersOfFeeds() : texts();
    out.flush();
    return code;
  }

  private int texts() throws IOException {
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int eol = text.indexOf('\n');
      String title = noTitle || eol < 0 ? "" : text.substring(0, eol);
      String body = noTitle || eol < 0 ? text : text.substring(eol + 1);
      write(file, null, title, body);
    }
    return Main.OK;
  }

  private int papersOfFeeds() throws IOException {
    FeedScan.Counts counts = FeedScan.read(files, feedOptions.toParseOptions(), System.err, new FeedScan.Sink() {
      @Override
      public void paper(Path file, Paper paper) throws IOException {
        write(file, paper.getId(), paper.getTitle(), paper.getAbstract$());
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    });
    System.err.println(counts.summary("read"));
    return counts.clean() ? Main.OK : Main.REJECTED;
  }

  /** One line: the file, the paper's id and title when it comes from a feed, and the keywords. */
  private void write(Path file, String id, String title, String body) throws IOException {
    JsonGenerator line = json.getFactory().createGenerator(out);
    line.writeStartObject();
    line.writeStringField("file", file.toString());
    if (id != null) {
      line.writeStringField("id", id);
      line.writeStringField("title", title);
    }
    line.writeArrayFieldStart("keywords");
    for (KeywordExtractor.Keyword keyword : extractor.extract(title, body, top)) {
      line.writeString(keyword.label());
    }
    line.writeEndArray();
    line.writeEndObject();
    line.flush();
    out.write('\n');
  }
}
