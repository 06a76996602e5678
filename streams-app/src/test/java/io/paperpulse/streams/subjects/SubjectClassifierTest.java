package io.paperpulse.streams.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperpulse.streams.keywords.KeywordExtractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubjectClassifierTest {
  private static final SubjectTrainer.Settings SMALL = new SubjectTrainer.Settings(12, 20, 0.5, 1e-4, 0.01, 7);
  private static final Map<String, List<String>> WORDS = Map.of(
      "Robotics", List.of("robot", "gripper", "locomotion", "manipulator", "quadruped", "actuator", "legged", "grasping"),
      "Astrophysics", List.of("galaxy", "telescope", "stellar", "redshift", "nebula", "quasar", "supernova", "cosmic"),
      "Quantitative Biology", List.of("protein", "enzyme", "genome", "cell", "tissue", "molecule", "bacteria", "receptor"));
  private static final List<String> SHARED = List.of("measurement", "survey", "simulation", "dataset", "analysis", "sample");

  /** A paper of a subject: five of its words and three shared ones, in a random order. */
  private static String text(String subject, Random random) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      words.add(WORDS.get(subject).get(random.nextInt(8)));
    }
    for (int i = 0; i < 3; i++) {
      words.add(SHARED.get(random.nextInt(SHARED.size())));
    }
    Collections.shuffle(words, random);
    return String.join(" ", words) + ".";
  }

  private static SubjectClassifier toyModel() {
    return toyModel(SMALL);
  }

  /** Twenty papers of each of three subjects with words of their own. */
  private static SubjectClassifier toyModel(SubjectTrainer.Settings settings) {
    SubjectTrainer trainer = new SubjectTrainer(settings);
    Random random = new Random(1);
    for (int i = 0; i < 20; i++) {
      for (String subject : List.of("Robotics", "Astrophysics", "Quantitative Biology")) {
        trainer.add(subject, "", text(subject, random));
      }
    }
    return trainer.train();
  }

  private static byte[] bytes(SubjectClassifier model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  @Test
  void learnsASeparableToySetAndGuessesUnseenPapers() {
    SubjectClassifier model = toyModel();
    Random random = new Random(2);

    assertThat(model.subjects()).containsExactly("Astrophysics", "Quantitative Biology", "Robotics");
    for (int i = 0; i < 30; i++) {
      String subject = model.subjects().get(i % 3);
      List<SubjectClassifier.Prediction> best = model.predict("", text(subject, random), 1);
      assertThat(best).extracting(SubjectClassifier.Prediction::subject).as("paper %d", i).containsExactly(subject);
    }
    List<SubjectClassifier.Prediction> all = model.predict("A legged robot", "The quadruped uses a gripper.", 3);
    assertThat(all.get(0).subject()).isEqualTo("Robotics");
    assertThat(all.get(0).score()).isGreaterThan(0.8);
  }

  @Test
  void theTitleCountsMoreThanTheAbstract() {
    SubjectClassifier model = toyModel();

    assertThat(score(model, "galaxy", "protein", "Astrophysics")).isGreaterThan(score(model, "protein", "galaxy", "Astrophysics"));
    assertThat(score(model, "robot", "quasar", "Robotics")).isGreaterThan(score(model, "quasar", "robot", "Robotics"));
  }

  private static double score(SubjectClassifier model, String title, String text, String subject) {
    return model.predict(title, text, 3).stream().filter(p -> p.subject().equals(subject)).findFirst().orElseThrow().score();
  }

  @Test
  void scoresSumToOneOverTheSubjectsReturnedBestFirst() {
    SubjectClassifier model = toyModel();

    for (int limit = 1; limit <= 4; limit++) {
      List<SubjectClassifier.Prediction> answer = model.predict("Stellar survey", "A telescope sample of cells and robots.", limit);
      assertThat(answer).hasSize(Math.min(limit, 3));
      assertThat(answer.stream().mapToDouble(SubjectClassifier.Prediction::score).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(answer).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }
    assertThat(model.predict("", "", 2)).hasSize(2).allSatisfy(p -> assertThat(p.score()).isCloseTo(0.5, within(0.2)));
    assertThat(model.predict("robot", "", 0)).isEmpty();
  }

  @Test
  void aModelReadBackPredictsExactlyTheSame() throws IOException {
    SubjectClassifier model = toyModel();
    byte[] written = bytes(model);

    SubjectClassifier read = SubjectClassifier.read(new ByteArrayInputStream(written));

    assertThat(bytes(read)).isEqualTo(written);
    assertThat(read.subjects()).isEqualTo(model.subjects());
    Random random = new Random(3);
    for (int i = 0; i < 10; i++) {
      String text = text(model.subjects().get(i % 3), random) + " " + text(model.subjects().get((i + 1) % 3), random);
      assertThat(read.predict("", text, 3)).isEqualTo(model.predict("", text, 3));
    }
  }

  @Test
  void trainingTwiceOnTheSamePapersGivesTheSameBytes() throws IOException {
    assertThat(bytes(toyModel())).isEqualTo(bytes(toyModel()));
  }

  @Test
  void anotherSeedGivesAnotherModel() throws IOException {
    SubjectTrainer.Settings otherSeed = new SubjectTrainer.Settings(12, 20, 0.5, 1e-4, 0.01, 8);

    assertThat(bytes(toyModel(otherSeed))).isNotEqualTo(bytes(toyModel()));
  }

  @Test
  void featuresHaveUnitLengthAndCountBigrams() {
    SubjectFeatures.Vector x = SubjectFeatures.of("Protein folding", "Protein folding and protein design.", 18);
    List<String> title = KeywordExtractor.words("Protein folding");

    double norm = 0;
    for (float v : x.values()) {
      norm += v * v;
    }
    assertThat(norm).isCloseTo(1.0, within(1e-6));
    assertThat(title).hasSize(2);
    assertThat(x.buckets()).isSorted().doesNotHaveDuplicates()
        .contains(SubjectFeatures.bucket(title.get(0), 18), SubjectFeatures.bucket(title.get(0) + " " + title.get(1), 18));
  }

  @Test
  void theBundledModelKnowsTaxonomySubjectsAndFindsRobotics() {
    SubjectClassifier bundled = SubjectClassifier.bundled();

    assertThat(Taxonomy.allSubjects()).containsAll(bundled.subjects());
    assertThat(bundled.predict("Robust grasping with a legged robot", "A quadruped learns locomotion.", 3).get(0).subject())
        .isEqualTo("Robotics");
  }
}
