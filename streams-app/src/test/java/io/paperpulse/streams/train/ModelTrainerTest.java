package io.paperpulse.streams.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperLinks;
import io.paperpulse.avro.PaperSource;
import io.paperpulse.streams.train.ModelTrainer.Listed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
  private static final LocalDate HELD_OUT = LocalDate.ofEpochDay(20_250);
  private static final LocalDate TRAINING = HELD_OUT.plusDays(1);

  private static Listed listed(LocalDate day, String id) {
    return new Listed(day, id, "Title " + id, "Abstract " + id, List.of("cs.RO", "cs.LG"));
  }

  @Test
  void theSubjectModelLearnsEachPaperOnceAndNoPaperOfAHeldOutDay() {
    ModelTrainer.Listings listings = new ModelTrainer.Listings(List.of(
        listed(TRAINING, "a"), listed(TRAINING.plusDays(1), "a"), listed(TRAINING, "b"),
        listed(HELD_OUT, "b"), listed(HELD_OUT, "c"), listed(HELD_OUT.plusDays(10), "c")), 0);

    assertThat(ModelTrainer.heldOut(HELD_OUT)).isTrue();
    assertThat(ModelTrainer.heldOut(TRAINING)).isFalse();
    assertThat(listings.trainingDays()).extracting(Listed::id).containsExactly("a", "a", "b");
    assertThat(listings.subjectTraining()).extracting(Listed::id).containsExactly("a");
    assertThat(listings.heldOutPapers()).extracting(Listed::id).containsExactly("b", "c");
    assertThat(listings.heldOutPapers().get(1).day()).isEqualTo(HELD_OUT);
    assertThat(listed(TRAINING, "a").subject()).isEqualTo("Robotics");
  }

  @Test
  void readingKeepsThePapersWithCategoriesByTheirDayAndCountsTheRejected() throws Exception {
    Paper listed = paper("2501.00001", List.of("cs.RO"));
    Paper uncategorised = paper("2501.00002", List.of());

    ModelTrainer.Listings listings = ModelTrainer.read(papers -> {
      papers.accept(listed);
      papers.accept(uncategorised);
      return 2;
    });

    assertThat(listings.all()).containsExactly(
        new Listed(TRAINING, "2501.00001", "Title 2501.00001", "Abstract 2501.00001", List.of("cs.RO")));
    assertThat(listings.rejected()).isEqualTo(2);
  }

  private static Paper paper(String id, List<String> categories) {
    Instant published = TRAINING.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3_600);
    return Paper.newBuilder()
        .setId(id)
        .setSource(PaperSource.ARXIV_DAILY)
        .setSourceId(id)
        .setTitle("Title " + id)
        .setAbstract$("Abstract " + id)
        .setCategories(categories)
        .setLinks(PaperLinks.newBuilder().build())
        .setPublished(published)
        .setIngested(published)
        .build();
  }
}
