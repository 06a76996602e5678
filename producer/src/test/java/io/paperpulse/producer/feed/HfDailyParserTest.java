package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfDailyParserTest {
  @Test
  void readsADailyPapersArray() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("hf-daily/2024-05-27.json"));

    assertThat(result.papers()).hasSize(13);
    assertThat(result.rejections()).isEmpty();
    assertThat(result.papers()).allSatisfy(p -> {
      assertThat(p.getSource()).isEqualTo(PaperSource.HF_DAILY);
      assertThat(p.getId()).matches("\\d{4}\\.\\d{4,5}");
      assertThat(p.getAuthors()).isNotEmpty();
    });
  }

  @Test
  void recoversPapersStoredAsPythonReprStrings() throws Exception {
    Feeds.Result array = Feeds.read(Feeds.resource("hf-daily/quirk-repr-array-2024-12-11.json"));
    Feeds.Result wrapped = Feeds.read(Feeds.resource("hf-daily/quirk-repr-data-2025-01-10.json"));

    assertThat(array.papers()).hasSize(26);
    assertThat(array.rejections()).isEmpty();
    assertThat(array.papers().get(0).getId()).isEqualTo("2412.07730");
    assertThat(array.papers().get(0).getAuthors()).startsWith("Zongyu Lin", "Wei Liu", "Chen Chen");
    assertThat(wrapped.papers()).hasSize(9);
    assertThat(wrapped.rejections()).isEmpty();
    Paper gan = wrapped.papers().get(0);
    assertThat(gan.getId()).isEqualTo("2501.05441");
    assertThat(gan.getTitle()).startsWith("The GAN is dead; long live the GAN!");
    assertThat(gan.getPublished()).isEqualTo(Instant.parse("2025-01-09T18:53:06Z"));
  }

  @Test
  void rejectsBadItemsByJsonPointerAndKeepsTheGoodOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("day.json");
    Files.writeString(
        file,
        """
        {"status": "success", "data": [
          {"paper": {"id": "2501.00001", "title": "Good", "summary": "s",
                     "publishedAt": "2025-01-02T03:04:05.000Z", "authors": [{"name": "A"}],
                     "githubRepo": "https://github.com/org/repo"}},
          "{'paper': {'id': '2501.00002', 'title': 'Cut off",
          42,
          {"paper": {"id": "2501.00003", "title": "No time"}},
          {"paper": {"title": "No id", "publishedAt": "2025-01-02T03:04:05Z"}},
          {"paper": {"id": "2501.00004", "title": "Bad time", "publishedAt": "yesterday"}}
        ]}
        """);

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getId).containsExactly("2501.00001");
    assertThat(result.papers().get(0).getLinks().getCode()).containsExactly("https://github.com/org/repo");
    assertThat(result.rejections()).extracting(Rejection::location)
        .containsExactly("/data/1", "/data/2", "/data/3", "/data/4", "/data/5");
    assertThat(result.rejections()).extracting(Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("not a valid Python literal at character"),
            r -> assertThat(r).isEqualTo("item is not an object but NUMBER"),
            r -> assertThat(r).isEqualTo("paper has no publishedAt"),
            r -> assertThat(r).isEqualTo("paper has no id"),
            r -> assertThat(r).isEqualTo("publishedAt is not an ISO-8601 instant: 'yesterday'"));
  }

  @Test
  void aPayloadThatIsNotJsonFailsAsAWhole(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("day.json");
    Files.writeString(file, "[{\"paper\": ");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessageStartingWith(file + ": invalid JSON");
  }

  @Test
  void aFailedStatusIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("day.json");
    Files.writeString(file, "{\"status\": \"error\", \"data\": []}");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessage(file + ": the payload reports status 'error'");
  }
}
