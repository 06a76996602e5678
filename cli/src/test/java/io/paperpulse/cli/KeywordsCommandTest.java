package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KeywordsCommandTest {
  private static final Path SEED = Path.of("src/main/resources", UpCommand.SAMPLE);
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private static List<String> keywords(JsonNode line) {
    List<String> keywords = new ArrayList<>();
    line.get("keywords").forEach(k -> keywords.add(k.asText()));
    return keywords;
  }

  @Test
  void aFeedGivesOneLineAPaperWithItsIdTitleAndKeywords() throws Exception {
    int code = Main.run("keywords", "--feed", "--year", "2025", SEED.toString());

    assertThat(code).isZero();
    List<JsonNode> lines = console.jsonLines();
    assertThat(lines).hasSize(47);
    assertThat(lines).allSatisfy(line -> {
      assertThat(line.get("id").asText()).isNotBlank();
      assertThat(keywords(line)).hasSize(10);
    });
    assertThat(console.err().strip()).isEqualTo("read 47 papers from 1 files; 0 records rejected; 0 files unreadable");
    JsonNode first = lines.get(0);
    assertThat(first.get("title").asText()).startsWith("Progressively Optimized Bi-Granular Document Representation");
    assertThat(keywords(first)).contains("bi-granular document representation", "ebr")
        .doesNotContain("bi-granular", "optimized bi-granular", "optimized bi-granular document");
  }

  @Test
  void aTextFileIsOneLineWithItsFirstLineAsTitle(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("paper.txt"), "Sparse Retrieval of Protein Structures\nGraph kernels index protein structures.\n");

    int code = Main.run("keywords", "--top", "3", text.toString());

    assertThat(code).isZero();
    List<JsonNode> lines = console.jsonLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).has("id")).isFalse();
    assertThat(keywords(lines.get(0))).hasSize(3).contains("protein structures");
  }

  @Test
  void aRejectedRecordOfAFeedIsNamedOnStderrAndTheExitCodeIsOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2025-01-01.jsonl"); // a daily listing, dated by its name
    Files.writeString(file, "{\"id\": \"2501.00001\", \"title\": \"Graph Kernels\", \"abstract\": \"Graph kernels compare graphs.\"}\n{broken\n");

    int code = Main.run("keywords", "--feed", file.toString());

    assertThat(code).isEqualTo(Main.REJECTED);
    assertThat(console.jsonLines()).hasSize(1);
    assertThat(console.err()).contains(file + ":2: invalid JSON")
        .contains("read 1 papers from 1 files; 1 records rejected; 0 files unreadable");
  }
}
