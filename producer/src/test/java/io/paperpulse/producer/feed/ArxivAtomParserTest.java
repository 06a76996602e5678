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

class ArxivAtomParserTest {
  @Test
  void readsASingleIdLookup() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("arxiv-api/single-2104.12255v1.xml"));

    assertThat(result.rejections()).isEmpty();
    assertThat(result.papers()).hasSize(1);
    Paper paper = result.papers().get(0);
    assertThat(paper.getId()).isEqualTo("2104.12255");
    assertThat(paper.getSourceId()).isEqualTo("2104.12255v1");
    assertThat(paper.getSource()).isEqualTo(PaperSource.ARXIV_API);
    assertThat(paper.getTitle()).isEqualTo("0");
    assertThat(paper.getAbstract$()).startsWith("What is the funniest number in cryptography? 0.");
    assertThat(paper.getAuthors()).containsExactly("Quan Thoi Minh Nguyen");
    assertThat(paper.getCategories()).containsExactly("cs.CR");
    assertThat(paper.getPublished()).isEqualTo(Instant.parse("2021-04-20T16:07:14Z"));
    assertThat(paper.getLinks().getAbs()).isEqualTo("https://arxiv.org/abs/2104.12255v1");
    assertThat(paper.getLinks().getPdf()).isEqualTo("https://arxiv.org/pdf/2104.12255v1");
    assertThat(paper.getListingDate()).isNull();
  }

  @Test
  void readsOldStyleIdsAndDecodesEntities() throws Exception {
    Paper paper = Feeds.read(Feeds.resource("arxiv-api/single-astro-ph-0601001.xml")).papers().get(0);

    assertThat(paper.getId()).isEqualTo("astro-ph/0601001");
    assertThat(paper.getAbstract$()).contains("Gould & Morgan (2003)").contains("V_max<17.5");
    assertThat(paper.getAuthors()).startsWith("Andrew Gould", "Susan Dorsher");
  }

  @Test
  void readsAResultPageWithThePrimaryCategoryFirst() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("arxiv-api/page-testing-s0-m10.xml"));

    assertThat(result.papers()).hasSize(10);
    assertThat(result.rejections()).isEmpty();
    assertThat(result.papers()).allSatisfy(p -> {
      assertThat(p.getId()).doesNotContain("v").doesNotContain("http");
      assertThat(p.getCategories()).isNotEmpty();
      assertThat(p.getAuthors()).isNotEmpty();
    });
  }

  @Test
  void readsTheLegacyFormatOf2016() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("arxiv-api/legacy-2016.xml"));

    assertThat(result.papers()).hasSize(10);
    assertThat(result.papers().get(0).getId()).isEqualTo("1201.4869");
    assertThat(result.papers().get(0).getTitle())
        .isEqualTo("A Luttinger Liquid Core Inside Helium-4 Filled Nanopores");
  }

  @Test
  void anEmptyResultIsNoPapersAndNoError() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("arxiv-api/empty-result.xml"));

    assertThat(result.papers()).isEmpty();
    assertThat(result.rejections()).isEmpty();
  }

  @Test
  void theApiErrorFeedIsAClearErrorNotAPaper() {
    Path file = Feeds.resource("arxiv-api/error-incorrect-id.xml");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessage(file + ":9: the arXiv API returned an error: incorrect id format for abc");
  }

  @Test
  void rejectsAnEntryWithoutAPublishedTimeAndKeepsTheOthers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("feed.xml");
    Files.writeString(
        file,
        """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <entry><id>http://arxiv.org/abs/2501.00001v1</id><title>Kept</title>
            <summary>s</summary><published>2025-01-01T00:00:00Z</published></entry>
          <entry><id>http://arxiv.org/abs/2501.00002v1</id><title>No time</title>
            <summary>s</summary></entry>
        </feed>
        """);

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getTitle).containsExactly("Kept");
    assertThat(result.rejections()).extracting(Rejection::toString)
        .containsExactly(file + ":4: entry has no published time");
  }
}
