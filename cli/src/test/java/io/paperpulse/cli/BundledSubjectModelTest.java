package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.streams.subjects.Taxonomy;
import io.paperpulse.streams.subjects.SubjectClassifier;
import io.paperpulse.streams.train.ModelTrainer;
import io.paperpulse.streams.train.ModelTrainer.Listed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled subject model against real arXiv listings read as {@code paperpulse train} reads them. */
class BundledSubjectModelTest {
  private static final Path DAILY =
      Path.of(System.getProperty("paperpulse.repo", "..")).resolve("../shared/data/arxiv-daily-cs/daily");

  @Test
  void theBundledModelFindsThePrimarySubjectOfMostHeldOutPapers() throws IOException {
    assumeTrue(Files.isDirectory(DAILY), () -> "no real listings at " + DAILY);
    List<Path> heldOutDays;
    try (Stream<Path> files = Files.list(DAILY)) {
      heldOutDays = files.filter(f -> ModelTrainer.heldOut(LocalDate.parse(f.getFileName().toString().substring(0, 10))))
          .sorted().toList();
    }
    SubjectClassifier classifier = SubjectClassifier.bundled();
    int primary = 0;
    int listed = 0;
    FeedReader feeds = new FeedReader(ParseOptions.defaults());
    List<Listed> papers = ModelTrainer.read(sink -> feeds.readAll(heldOutDays, sink)).heldOutPapers();
    for (Listed paper : papers) {
      String best = classifier.predict(paper.title(), paper.text(), 1).get(0).subject();
      primary += best.equals(paper.subject()) ? 1 : 0;
      listed += Taxonomy.subjectsOf(paper.categories()).contains(best) ? 1 : 0;
    }

    assertThat(papers).hasSizeGreaterThan(5_000);
    assertThat((double) primary / papers.size()).isGreaterThan(0.75);
    assertThat((double) listed / papers.size()).isGreaterThan(0.85);
  }
}
