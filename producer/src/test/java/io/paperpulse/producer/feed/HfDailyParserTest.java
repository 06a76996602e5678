package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
  void keepsEachPapersUpvotesAndCommentCount() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("hf-daily/2024-05-27.json"));

    Paper convLlava = result.papers().get(0);
    assertThat(convLlava.getId()).isEqualTo("2405.15738");
    assertThat(convLlava.getUpvotes()).isEqualTo(32);
    assertThat(convLlava.getCommentCount()).isEqualTo(3);
    assertThat(PaperJson.toJson(convLlava)).endsWith("\"upvotes\":32,\"commentCount\":3}");
    assertThat(result.papers()).extracting(Paper::getUpvotes)
        .containsExactly(32, 28, 19, 11, 10, 9, 9, 7, 7, 7, 5, 4, 3);
    assertThat(result.papers().stream().mapToInt(Paper::getCommentCount).sum()).isEqualTo(10);
    // This payload does not say which day's list it is: no listing date.
    assertThat(result.papers()).extracting(Paper::getListingDate).containsOnlyNulls();
  }

  @Test
  void theDayAPaperWasPutOnTheDailyListIsItsListingDate() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("hf-daily/2026-08-21.json"));

    assertThat(result.papers()).hasSize(17);
    assertThat(result.rejections()).isEmpty();
    Paper envHarness = result.papers().get(0);
    assertThat(envHarness.getId()).isEqualTo("2608.19880");
    assertThat(envHarness.getTitle()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
    assertThat(envHarness.getUpvotes()).isEqualTo(163);
    assertThat(envHarness.getCommentCount()).isEqualTo(1);
    assertThat(envHarness.getPublished()).isEqualTo(Instant.parse("2026-08-20T00:00:00Z"));
    assertThat(envHarness.getLinks().getCode()).containsExactly("https://github.com/google-research/envharness");
    assertThat(result.papers()).extracting(Paper::getListingDate).containsOnly(LocalDate.of(2026, 8, 21));
  }

  @Test
  void readsTheSignalsOfPapersStoredAsPythonReprStrings() throws Exception {
    Paper array = Feeds.read(Feeds.resource("hf-daily/quirk-repr-array-2024-12-11.json")).papers().get(0);
    Feeds.Result wrapped = Feeds.read(Feeds.resource("hf-daily/quirk-repr-data-2025-01-10.json"));

    assertThat(array.getId()).isEqualTo("2412.07730");
    assertThat(array.getUpvotes()).isEqualTo(54);
    assertThat(array.getCommentCount()).isEqualTo(2);
    assertThat(array.getListingDate()).isNull();
    Paper gan = wrapped.papers().get(0);
    assertThat(gan.getId()).isEqualTo("2501.05441");
    assertThat(gan.getUpvotes()).isEqualTo(51);
    assertThat(gan.getCommentCount()).isEqualTo(4);
    // The {status, date, data} wrapper gives the day of the list.
    assertThat(wrapped.papers()).extracting(Paper::getListingDate).containsOnly(LocalDate.of(2025, 1, 10));
  }

  @Test
  void rejectsBadCountsAndDaysByJsonPointer(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("day.json");
    Files.writeString(
        file,
        """
        [
          {"paper": {"id": "2501.00001", "title": "T", "publishedAt": "2025-01-02T03:04:05Z"}},
          {"paper": {"id": "2501.00002", "title": "T", "publishedAt": "2025-01-02T03:04:05Z", "upvotes": -3}},
          {"paper": {"id": "2501.00003", "title": "T", "publishedAt": "2025-01-02T03:04:05Z", "upvotes": "many"}},
          {"paper": {"id": "2501.00004", "title": "T", "publishedAt": "2025-01-02T03:04:05Z", "upvotes": 2.5}},
          {"paper": {"id": "2501.00005", "title": "T", "publishedAt": "2025-01-02T03:04:05Z", "upvotes": 3000000000}},
          {"paper": {"id": "2501.00006", "title": "T", "publishedAt": "2025-01-02T03:04:05Z"}, "numComments": [1]},
          "{'paper': {'id': '2501.00007', 'title': 'T', 'publishedAt': '2025-01-02T03:04:05Z', 'upvotes': -1}}",
          {"paper": {"id": "2501.00008", "title": "T", "publishedAt": "2025-01-02T03:04:05Z",
                     "submittedOnDailyAt": "today"}},
          {"paper": {"id": "2501.00009", "title": "T", "publishedAt": "2025-01-02T03:04:05Z", "upvotes": 0},
           "numComments": null}
        ]
        """);

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getId).containsExactly("2501.00001", "2501.00009");
    assertThat(result.papers()).extracting(Paper::getUpvotes).containsExactly(null, 0);
    assertThat(result.papers()).extracting(Paper::getCommentCount).containsOnlyNulls();
    assertThat(result.rejections()).extracting(Rejection::toString)
        .containsExactly(
            file + ":/1: upvotes is not a whole number of 0 or more: '-3'",
            file + ":/2: upvotes is not a whole number of 0 or more: 'many'",
            file + ":/3: upvotes is not a whole number of 0 or more: '2.5'",
            file + ":/4: upvotes is not a whole number of 0 or more: '3000000000'",
            file + ":/5: numComments is not a whole number of 0 or more: 'ARRAY'",
            file + ":/6: upvotes is not a whole number of 0 or more: '-1'",
            file + ":/7: submittedOnDailyAt is not an ISO-8601 instant: 'today'");
  }

  @Test
  void aPayloadDateThatIsNotADayFailsAsAWhole(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("day.json");
    Files.writeString(file, "{\"status\": \"success\", \"date\": \"2025-02-30\", \"data\": []}");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessage(file + ": the payload's date is not a day (YYYY-MM-DD): '2025-02-30'");
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
