package io.paperpulse.streams.keywordtrends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedMixTest {
  private static final long DAY = 20_100; // the window's last day
  private KeyValueStore<String, Long> store;
  private FeedMix mix;
  private int ids;

  @BeforeEach
  void start() {
    MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("mix"), Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    mix = new FeedMix(store);
    // Baseline (56 days): 90 vision papers a day, 10 language ones. Window (7 days): the same, and 30 control papers a day.
    for (long d = DAY - 62; d <= DAY; d++) {
      papers(d, "Computer Vision", 90);
      papers(d, "Computation and Language", 10);
      if (d > DAY - 7) {
        papers(d, "Systems and Control", 30);
      }
    }
  }

  private void papers(long day, String subject, int n) {
    for (int i = 0; i < n; i++) {
      mix.add(day, "p" + ids++, subject, true);
    }
  }

  private static Evaluation week(double score) {
    return new Evaluation(TrendWindow.P7D, DAY, 20, 910, 10, 5600, 56, 1e-8, score * 2, score, false);
  }

  /** The first {@code n} papers of {@code subject} on the window's last day, as a keyword's samples. */
  private Map<Long, FeedMix.Day> samples(String subject, int n) {
    List<String> ids = ids(subject, n);
    return Map.of(DAY, new FeedMix.Day(ids.size(), ids));
  }

  private List<String> ids(String subject, int n) {
    List<String> out = new java.util.ArrayList<>();
    try (KeyValueIterator<String, Long> all = store.prefixScan(KeywordHistory.day(DAY) + '|', new org.apache.kafka.common.serialization.StringSerializer())) {
      all.forEachRemaining(kv -> {
        if (kv.key.endsWith('|' + subject) && out.size() < n) {
          out.add(kv.key.split("\\|")[1]);
        }
      });
    }
    return out;
  }

  @Test
  void countsTheFeedsPapersBySubjectOverDays() {
    assertThat(mix.papersBySubject(DAY - 6, DAY)).containsOnly(
        Map.entry("Computer Vision", 630L), Map.entry("Computation and Language", 70L), Map.entry("Systems and Control", 210L));
    assertThat(mix.papersBySubject(DAY - 62, DAY - 7)).doesNotContainKey("Systems and Control").containsEntry("Computer Vision", 5040L);
  }

  @Test
  void aKeywordOfTheNewSubjectRisesWithItAndOneOfAnUsualSubjectDoesNot() {
    // Control: 210 of 910 papers in the window, half a paper of 5,600 before.
    double control = (210.0 / 910) / (0.5 / 5600);
    Map<Long, FeedMix.Day> controlSamples = samples("Systems and Control", 5);
    assertThat(controlSamples.get(DAY).samples()).hasSize(5);
    assertThat(mix.factor(week(15), controlSamples)).isCloseTo(control, within(1e-6));
    assertThat(mix.explained(week(15), controlSamples, 2.0)).isTrue();

    // Vision's share fell (0.9 to 0.69): the factor stays 1, the rise stands.
    assertThat(mix.factor(week(3), samples("Computer Vision", 5))).isEqualTo(1.0);
    assertThat(mix.explained(week(3), samples("Computer Vision", 5), 2.0)).isFalse();
  }

  private static final double VISION = (630.0 / 910) / (5040.5 / 5600);
  private static final double CONTROL = (210.0 / 910) / (0.5 / 5600);

  @Test
  void aMixOfSubjectsWeighsByTheHarmonicMean() {
    List<String> both = new java.util.ArrayList<>(ids("Systems and Control", 4));
    both.addAll(ids("Computer Vision", 1));
    double expected = 5 / (4 / CONTROL + 1 / VISION);
    assertThat(mix.factor(week(15), Map.of(DAY, new FeedMix.Day(5, both)))).isCloseTo(expected, within(1e-6));
    assertThat(mix.explained(week(15), Map.of(DAY, new FeedMix.Day(5, both)), 2.0)).as("15 / %.2f", expected).isFalse();
  }

  @Test
  void eachSampleWeighsThePapersOfItsDayItStandsFor() {
    // The last day: 20 papers with the keyword, 5 samples, all control; the day before: 1 vision paper.
    String vision = ids("Computer Vision", 1).get(0);
    store.put(KeywordHistory.day(DAY - 1) + '|' + vision + "|Computer Vision", 1L);
    Map<Long, FeedMix.Day> days = Map.of(
        DAY, new FeedMix.Day(20, ids("Systems and Control", 5)),
        DAY - 1, new FeedMix.Day(1, List.of(vision)));
    double expected = 21 / (20 / CONTROL + 1 / VISION);
    assertThat(mix.factor(week(15), days)).isCloseTo(expected, within(1e-6));
    assertThat(mix.explained(week(15), days, 2.0)).as("15 / %.2f", expected).isTrue();
  }

  @Test
  void withoutKnownSubjectsOrABaselineTheFactorIsOne() {
    assertThat(mix.factor(week(15), Map.of(DAY, new FeedMix.Day(1, List.of("unknown paper"))))).isEqualTo(1.0);
    Evaluation early = new Evaluation(TrendWindow.P7D, DAY - 80, 20, 910, 0, 0, 0, 1e-8, 30, 15, true);
    assertThat(mix.factor(early, samples("Systems and Control", 5))).isEqualTo(1.0);
  }

  @Test
  void forgettingADayDeletesItsCountsAndSubjects() {
    String paper = ids("Systems and Control", 1).get(0);
    assertThat(mix.subjectOf(DAY, paper)).isEqualTo("Systems and Control");
    mix.forget(DAY);
    assertThat(mix.papersBySubject(DAY, DAY)).isEmpty();
    assertThat(mix.subjectOf(DAY, paper)).isNull();
    assertThat(mix.papersBySubject(DAY - 1, DAY - 1)).isNotEmpty();
  }
}
