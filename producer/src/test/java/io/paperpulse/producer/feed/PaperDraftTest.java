package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperSource;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaperDraftTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private static PaperDraft draft() {
    return new PaperDraft(PaperSource.ARXIV_API).title("T").published(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void theIdIsTheArxivIdWithoutVersionInWhateverFormItCame() throws Exception {
    assertThat(draft().arxivId("2503.16416v2").build(NOW).getId()).isEqualTo("2503.16416");
    assertThat(draft().arxivId("http://arxiv.org/abs/2503.16416v1").build(NOW).getId()).isEqualTo("2503.16416");
    assertThat(draft().arxivId("https://arxiv.org/pdf/2503.16416.pdf").build(NOW).getId()).isEqualTo("2503.16416");
    assertThat(draft().arxivId("math.AG/0501001v3").build(NOW).getId()).isEqualTo("math.AG/0501001");
    assertThat(draft().arxivId("0704.0001").build(NOW).getId()).isEqualTo("0704.0001");
    assertThatThrownBy(() -> draft().arxivId("abc")).hasMessage("not an arXiv id: 'abc'");
  }

  @Test
  void withoutAnArxivIdTheIdComesFromTheTitle() throws Exception {
    Paper paper = draft().title("  Some   Title ").build(NOW);

    assertThat(paper.getId()).isEqualTo(PaperDraft.titleId("some title")).startsWith("t:");
    assertThat(paper.getTitle()).isEqualTo("Some Title");
    assertThat(paper.getLinks().getAbs()).isNull();
  }

  @Test
  void findsCodeLinksAndTrimsTheirTrailingPunctuation() throws Exception {
    Paper paper =
        draft()
            .summary("Code: https://github.com/a/b. Also (https://gitlab.com/c/d), and https://github.com/a/b.git!")
            .build(NOW);

    assertThat(paper.getLinks().getCode()).containsExactly("https://github.com/a/b", "https://gitlab.com/c/d");
  }

  @Test
  void boundsEveryFieldSize() {
    assertThatThrownBy(() -> draft().title("t".repeat(1_001)).build(NOW))
        .hasMessage("title too long: 1001 characters (limit 1000)");
    assertThatThrownBy(() -> draft().summary("a".repeat(20_001)).build(NOW))
        .hasMessage("abstract too long: 20001 characters (limit 20000)");
    assertThatThrownBy(() -> draft().author("n".repeat(301)).build(NOW))
        .hasMessage("author name too long: 301 characters (limit 300)");
  }

  @Test
  void rejectsDatesOutOfRangeAndMissingTimes() {
    assertThatThrownBy(() -> draft().published(Instant.parse("1900-01-01T00:00:00Z")).build(NOW))
        .hasMessage("publication time out of range: 1900-01-01T00:00:00Z");
    assertThatThrownBy(() -> draft().published(Instant.parse("2030-01-01T00:00:00Z")).build(NOW))
        .hasMessage("publication time out of range: 2030-01-01T00:00:00Z");
    assertThatThrownBy(() -> new PaperDraft(PaperSource.LISTING).title("T").build(NOW))
        .hasMessage("no publication time and no listing date");
  }

  @Test
  void aListingDateWithoutATimeMeansMidnightUtc() throws Exception {
    Paper paper = new PaperDraft(PaperSource.LISTING).title("T").listingDate(LocalDate.of(2025, 3, 21)).build(NOW);

    assertThat(paper.getPublished()).isEqualTo(Instant.parse("2025-03-21T00:00:00Z"));
  }
}
