package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingParserTest {
  private static final Path SEED = Feeds.resource("listing/trending-mar21.txt");

  @Test
  void readsAllFortySevenPapersOfTheSeedListing() throws Exception {
    Feeds.Result result = Feeds.read(SEED, Feeds.OPTIONS.withYear(2025));

    assertThat(result.papers()).hasSize(47);
    assertThat(result.rejections()).isEmpty();
    assertThat(result.papers()).extracting(Paper::getId).doesNotHaveDuplicates();
    assertThat(result.papers()).allSatisfy(p -> {
      assertThat(p.getSource()).isEqualTo(PaperSource.LISTING);
      assertThat(p.getListingDate()).isEqualTo(LocalDate.of(2025, 3, 21));
      assertThat(p.getPublished()).isEqualTo(Instant.parse("2025-03-21T00:00:00Z"));
      assertThat(p.getId()).matches("t:[0-9a-f]{16}");
      assertThat(p.getAbstract$()).hasSizeGreaterThan(200);
    });
    Paper first = result.papers().get(0);
    assertThat(first.getTitle())
        .isEqualTo(
            "Progressively Optimized Bi-Granular Document Representation for Scalable Embedding Based Retrieval");
    assertThat(first.getAbstract$()).startsWith("Ad-hoc search calls for").endsWith("https://github.com/microsoft/BiDR.");
    assertThat(first.getLinks().getCode()).containsExactly("https://github.com/microsoft/BiDR");
    assertThat(result.locations().get(0)).isEqualTo("11");
  }

  @Test
  void keepsTitlesAsWrittenIncludingTheirMarkup() throws Exception {
    Feeds.Result result = Feeds.read(SEED, Feeds.OPTIONS.withYear(2025));

    assertThat(result.papers())
        .extracting(Paper::getTitle)
        .contains("SP$^2$OT: Semantic-Regularized Progressive Partial Optimal Transport for Imbalanced Clustering");
  }

  @Test
  void takesTheCurrentYearWhenNoneIsGiven() throws Exception {
    Feeds.Result result = Feeds.read(SEED);

    assertThat(result.papers().get(0).getListingDate()).isEqualTo(LocalDate.of(2026, 3, 21));
  }

  @Test
  void rejectsATitleLeftWithoutAnAbstractAndNamesItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("listing.txt");
    Files.writeString(file, "Header\n\nMar 2\n\nA Title\n\nIts abstract.\n\nLonely Title\n");

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getTitle).containsExactly("A Title");
    assertThat(result.rejections()).hasSize(1);
    assertThat(result.rejections().get(0).toString())
        .isEqualTo(file + ":9: title without an abstract: 'Lonely Title'");
  }

  @Test
  void resynchronisesWhenAParagraphStandsWhereATitleShould(@TempDir Path dir) throws Exception {
    String paragraph = "word ".repeat(120).strip();
    Path file = dir.resolve("listing.txt");
    Files.writeString(file, "Mar 2\n\n" + paragraph + "\n\nTitle Two\n\nAbstract two.\n");

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getTitle).containsExactly("Title Two");
    assertThat(result.rejections())
        .extracting(Rejection::reason)
        .containsExactly("expected a title, found a paragraph of 600 characters");
  }

  @Test
  void failsClearlyWhenThereIsNoListingDate(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "Just some notes\n\nwithout a date line\n");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no listing date line");
  }

  @Test
  void failsOnAnImpossibleDate(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("listing.txt");
    Files.writeString(file, "Feb 30\n\nTitle\n\nAbstract\n");

    assertThatThrownBy(() -> Feeds.read(file, Feeds.OPTIONS.withYear(2025)))
        .isInstanceOf(FeedException.class)
        .hasMessage(file + ":1: not a valid listing date: 'Feb 30'");
  }

  @Test
  void sameTitleGivesTheSameIdWhateverItsCaseAndPunctuation() {
    assertThat(PaperDraft.titleId("Diffusion Models: A Survey"))
        .isEqualTo(PaperDraft.titleId("diffusion models -- a  survey"))
        .isNotEqualTo(PaperDraft.titleId("Diffusion Models: A Review"));
  }

  @Test
  void pairsTheBlocksOfThePageAsTitleThenAbstractInPageOrder() throws Exception {
    String page = Files.readString(SEED);
    List<String> blocks =
        Arrays.stream(page.substring(page.indexOf("Mar 21") + 6).split("\n\\s*\n"))
            .map(String::strip)
            .filter(b -> !b.isEmpty())
            .toList();

    Feeds.Result result = Feeds.read(SEED, Feeds.OPTIONS.withYear(2025));

    assertThat(blocks).hasSize(94);
    for (int i = 0; i < 47; i++) {
      assertThat(result.papers().get(i).getTitle()).isEqualTo(blocks.get(2 * i));
      assertThat(result.papers().get(i).getAbstract$()).isEqualTo(blocks.get(2 * i + 1));
    }
  }
}
