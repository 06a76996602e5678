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

class OaiPmhParserTest {
  @Test
  void readsArxivRawRecords() throws Exception {
    Feeds.Result result = Feeds.read(Feeds.resource("oai-pmh/arXivRaw-first-25.xml"));

    assertThat(result.papers()).hasSize(25);
    assertThat(result.rejections()).isEmpty();
    Paper first = result.papers().get(0);
    assertThat(first.getId()).isEqualTo("0801.3673");
    assertThat(first.getSource()).isEqualTo(PaperSource.OAI_PMH);
    assertThat(first.getTitle()).isEqualTo("Variational Functionals for Excited States");
    assertThat(first.getAuthors()).containsExactly("Naoum C. Bacalis");
    assertThat(first.getPublished()).isEqualTo(Instant.parse("2008-01-23T21:06:41Z"));
  }

  @Test
  void splitsAuthorsWithoutBreakingAffiliationsAndKeepsTheFirstVersionDate() throws Exception {
    Paper second = Feeds.read(Feeds.resource("oai-pmh/arXivRaw-first-25.xml")).papers().get(1);

    assertThat(second.getAuthors())
        .containsExactly("Robert H. Brandenberger", "Keshav Dasgupta", "Anne-Christine Davis");
    assertThat(second.getCategories()).containsExactly("hep-th", "astro-ph", "gr-qc", "hep-ph");
    assertThat(second.getTitle()).isEqualTo("A Study of Structure Formation and Reheating in the D3/D7 Brane Inflation Model");
    assertThat(second.getPublished()).isEqualTo(Instant.parse("2008-01-23T21:13:53Z"));
  }

  @Test
  void rejectsDeletedRecords(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("page.xml");
    Files.writeString(
        file,
        """
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
        <record><header status="deleted"><identifier>oai:arXiv.org:0801.0001</identifier></header></record>
        </ListRecords></OAI-PMH>
        """);

    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).isEmpty();
    assertThat(result.rejections()).extracting(Rejection::toString).containsExactly(file + ":2: deleted record");
  }

  @Test
  void anOaiErrorIsAnErrorOfTheWholeInput(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("page.xml");
    Files.writeString(
        file,
        "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n"
            + "<error code=\"noRecordsMatch\">no records</error></OAI-PMH>");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessage(file + ":2: OAI-PMH error noRecordsMatch: no records");
  }
}
