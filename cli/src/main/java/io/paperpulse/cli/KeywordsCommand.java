package io.paperpulse.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperpulse keywords}: the keywords the enrichment would give each text file. */
@Command(
    name = "keywords",
    mixinStandardHelpOptions = true,
    description = {
      "Print the keywords extracted from each text file, one JSON object a line.",
      "Each line reads {\"file\": ..., \"keywords\": [...]}, best first. The first line of a file is read as its title."
    })
final class KeywordsCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Plain-text files (UTF-8).")
  List<Path> files;

  @Option(names = "--top", defaultValue = "10", description = "How many keywords per file (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--no-title", description = "Read the whole file as body text, with no title line.")
  boolean noTitle;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, not " + top);
    }
    KeywordExtractor extractor = new KeywordExtractor(DocumentFrequencies.bundled());
    Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int eol = text.indexOf('\n');
      String title = noTitle || eol < 0 ? "" : text.substring(0, eol);
      String body = noTitle || eol < 0 ? text : text.substring(eol + 1);
      JsonGenerator line = json.getFactory().createGenerator(out);
      line.writeStartObject();
      line.writeStringField("file", file.toString());
      line.writeArrayFieldStart("keywords");
      for (KeywordExtractor.Keyword keyword : extractor.extract(title, body, top)) {
        line.writeString(keyword.label());
      }
      line.writeEndArray();
      line.writeEndObject();
      line.flush();
      out.write('\n');
    }
    out.flush();
    return Main.OK;
  }
}
