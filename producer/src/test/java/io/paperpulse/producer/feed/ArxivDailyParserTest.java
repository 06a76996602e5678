package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArxivDailyParserTest {
  @Test
  void readsEveryLineWithTheListingDayFromTheFileName() throws Exception {
    Path file = Feeds.resource("arxiv-daily/2025-03-18.jsonl");

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).hasSize(Files.readAllLines(file).size()).hasSize(40);
    assertThat(result.rejections()).isEmpty();
    Paper first = result.papers().get(0);
    assertThat(first.getId()).isEqualTo("2503.11731");
    assertThat(first.getSource()).isEqualTo(PaperSource.ARXIV_DAILY);
    assertThat(first.getCategories()).containsExactly("cs.CV", "cs.RO");
    assertThat(first.getAuthors()).hasSize(16).startsWith("Xianming Zeng");
    assertThat(first.getListingDate()).isEqualTo(LocalDate.of(2025, 3, 18));
    assertThat(first.getPublished()).isEqualTo(Instant.parse("2025-03-18T00:00:00Z"));
    assertThat(first.getLinks().getPdf()).isEqualTo("https://arxiv.org/pdf/2503.11731");
    assertThat(first.getAbstract$()).doesNotContain("\n");
  }

  @Test
  void readsTheSameRecordsFromAGzipFile() throws Exception {
    Feeds.Result plain = Feeds.read(Feeds.resource("arxiv-daily/2025-03-18.jsonl"));
    Feeds.Result gzip = Feeds.read(Feeds.resource("arxiv-daily/2025-03-19.jsonl.gz"));

    assertThat(gzip.papers()).extracting(Paper::getId)
        .containsExactlyElementsOf(plain.papers().stream().map(Paper::getId).toList());
    assertThat(gzip.papers().get(0).getListingDate()).isEqualTo(LocalDate.of(2025, 3, 19));
  }

  @Test
  void rejectsBadLinesByNumberAndKeepsTheGoodOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2025-04-01.jsonl");
    Files.write(
        file,
        List.of(
            "{\"id\": \"2504.00001\", \"title\": \"Good\", \"summary\": \"s\"}",
            "{\"id\": \"2504.00002\", \"title\": ",
            "",
            "[1, 2]",
            "{\"title\": \"No id\"}",
            "{\"id\": \"not-an-id\", \"title\": \"Bad id\"}",
            "{\"id\": \"2504.00003\", \"title\": \"\"}",
            "{\"id\": \"2504.00004v2\", \"title\": \"Also good\"}"));

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getId).containsExactly("2504.00001", "2504.00004");
    assertThat(result.locations()).containsExactly("1", "8");
    assertThat(result.rejections()).extracting(Rejection::location).containsExactly("2", "4", "5", "6", "7");
    assertThat(result.rejections()).extracting(Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("invalid JSON"),
            r -> assertThat(r).isEqualTo("not a JSON object"),
            r -> assertThat(r).isEqualTo("missing id"),
            r -> assertThat(r).isEqualTo("not an arXiv id: 'not-an-id'"),
            r -> assertThat(r).isEqualTo("missing title"));
  }

  @Test
  void withoutADateInTheNameEachRecordSaysWhatIsMissing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("listing.jsonl");
    Files.writeString(file, "{\"id\": \"2504.00001\", \"title\": \"T\"}\n");

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).isEmpty();
    assertThat(result.rejections()).extracting(Rejection::reason)
        .containsExactly("no listing date: name the file YYYY-MM-DD.jsonl or give a listing date");
    assertThat(Feeds.read(file, Feeds.OPTIONS.withListingDate(LocalDate.of(2025, 5, 5))).papers())
        .extracting(Paper::getListingDate)
        .containsExactly(LocalDate.of(2025, 5, 5));
  }

  @Test
  void aLineLongerThanTheLimitIsRejectedWithoutBeingHeld(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2025-04-01.jsonl");
    String huge = "{\"id\": \"2504.00001\", \"title\": \"T\", \"summary\": \"" + "a".repeat(1_200_000) + "\"}";
    Files.writeString(file, huge + "\n{\"id\": \"2504.00002\", \"title\": \"Next\"}\n");

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getId).containsExactly("2504.00002");
    assertThat(result.rejections()).extracting(Rejection::toString)
        .containsExactly(file + ":1: line too long: " + huge.length() + " characters");
  }
}
