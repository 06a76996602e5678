package io.paperpulse.streams.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.paperpulse.streams.topics.Taxonomy;
import io.paperpulse.streams.topics.TopicClassifier;
import io.paperpulse.streams.train.ModelTrainer.Listed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
  private static final Path DAILY =
      Path.of(System.getProperty("paperpulse.repo", "..")).resolve("../shared/data/arxiv-daily-cs/daily");
  private static final LocalDate HELD_OUT = LocalDate.ofEpochDay(20_250);
  private static final LocalDate TRAINING = HELD_OUT.plusDays(1);

  private static Listed listed(LocalDate day, String id) {
    return new Listed(day, id, "Title " + id, "Abstract " + id, List.of("cs.RO", "cs.LG"));
  }

  @Test
  void theTopicModelLearnsEachPaperOnceAndNoPaperOfAHeldOutDay() {
    ModelTrainer.Listings listings = new ModelTrainer.Listings(List.of(
        listed(TRAINING, "a"), listed(TRAINING.plusDays(1), "a"), listed(TRAINING, "b"),
        listed(HELD_OUT, "b"), listed(HELD_OUT, "c"), listed(HELD_OUT.plusDays(10), "c")), 0);

    assertThat(ModelTrainer.heldOut(HELD_OUT)).isTrue();
    assertThat(ModelTrainer.heldOut(TRAINING)).isFalse();
    assertThat(listings.trainingDays()).extracting(Listed::id).containsExactly("a", "a", "b");
    assertThat(listings.topicTraining()).extracting(Listed::id).containsExactly("a");
    assertThat(listings.heldOutPapers()).extracting(Listed::id).containsExactly("b", "c");
    assertThat(listings.heldOutPapers().get(1).day()).isEqualTo(HELD_OUT);
    assertThat(listed(TRAINING, "a").topic()).isEqualTo("Robotics");
  }

  @Test
  void theBundledModelFindsThePrimaryTopicOfMostHeldOutPapers() throws IOException {
    assumeThat(Files.isDirectory(DAILY)).as("real listings at %s", DAILY).isTrue();
    List<Path> heldOutDays;
    try (Stream<Path> files = Files.list(DAILY)) {
      heldOutDays = files.filter(f -> ModelTrainer.heldOut(LocalDate.parse(f.getFileName().toString().substring(0, 10))))
          .sorted().toList();
    }
    TopicClassifier classifier = TopicClassifier.bundled();
    int primary = 0;
    int listed = 0;
    List<Listed> papers = ModelTrainer.read(heldOutDays).heldOutPapers();
    for (Listed paper : papers) {
      String best = classifier.predict(paper.title(), paper.text(), 1).get(0).topic();
      primary += best.equals(paper.topic()) ? 1 : 0;
      listed += Taxonomy.topicsOf(paper.categories()).contains(best) ? 1 : 0;
    }

    assertThat(papers).hasSizeGreaterThan(5_000);
    assertThat((double) primary / papers.size()).isGreaterThan(0.75);
    assertThat((double) listed / papers.size()).isGreaterThan(0.85);
  }
}
