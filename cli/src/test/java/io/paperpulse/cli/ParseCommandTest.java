package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final Path SEED = Path.of("src/main/resources", UpCommand.SAMPLE);
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @Test
  void printsTheFortySevenPapersOfTheSeedAsJsonLines() throws Exception {
    int code = Main.run("parse", "--year", "2025", SEED.toString());

    assertThat(code).isZero();
    List<JsonNode> papers = console.jsonLines();
    assertThat(papers).hasSize(47);
    assertThat(papers).allSatisfy(p -> {
      assertThat(p.fieldNames()).toIterable()
          .contains("id", "title", "abstract", "authors", "categories", "published", "source");
      assertThat(p.get("source").asText()).isEqualTo("listing");
      assertThat(Instant.parse(p.get("published").asText())).isEqualTo(Instant.parse("2025-03-21T00:00:00Z"));
    });
    assertThat(console.err().strip())
        .isEqualTo("parsed 47 papers from 1 files; 0 records rejected; 0 files unreadable");
  }

  @Test
  void rejectsGoToStderrByFileAndLineAndTheExitCodeIsOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2025-01-01.jsonl");
    Files.writeString(file, "{\"id\": \"2501.00001\", \"title\": \"Good\"}\n{broken\n");

    int code = Main.run("parse", file.toString());

    assertThat(code).isEqualTo(Main.REJECTED);
    assertThat(console.jsonLines()).hasSize(1);
    String[] lines = console.err().strip().split("\n");
    assertThat(lines[0]).startsWith(file + ":2: invalid JSON");
    assertThat(lines[lines.length - 1])
        .isEqualTo("parsed 1 papers from 1 files; 1 records rejected; 0 files unreadable");
  }

  @Test
  void anUnreadableFileIsReportedAndTheOthersAreStillParsed(@TempDir Path dir) throws Exception {
    Path html = Files.writeString(dir.resolve("page.html"), "<html></html>");

    int code = Main.run("parse", html.toString(), SEED.toString(), "--year", "2025");

    assertThat(code).isEqualTo(Main.REJECTED);
    assertThat(console.jsonLines()).hasSize(47);
    assertThat(console.err())
        .contains(html + ": unknown XML feed: root element <html>")
        .contains("1 files unreadable");
  }

  @Test
  void aMissingFileOrNoArgumentIsAUsageError() {
    assertThat(Main.run("parse", "no/such/file.txt")).isEqualTo(Main.USAGE_OR_IO);
    assertThat(console.err())
        .contains("paperpulse parse: no such file or directory: no/such/file.txt");
    assertThat(console.err()).doesNotContain("file.txt: no such file");
    assertThat(Main.run("parse")).isEqualTo(Main.USAGE_OR_IO);
    assertThat(Main.run("no-such-command")).isEqualTo(Main.USAGE_OR_IO);
  }

  @Test
  void aDayThatDoesNotExistIsNamedWithoutAStackOfUsage() {
    assertThat(Main.run("replay", "--from", "2026-06-31", "no/such/dir")).isEqualTo(Main.USAGE_OR_IO);
    String printed = console.err();
    assertThat(printed)
        .contains("'2026-06-31' is not a day such as 2026-06-01")
        .contains("See 'paperpulse replay --help'.")
        .doesNotContain("DateTimeParseException")
        .doesNotContain("--speed");
  }
}
