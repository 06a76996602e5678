package io.paperpulse.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentFrequenciesTest {
  private static final DocumentFrequencies BACKGROUND = new DocumentFrequencies(1000, Map.of("model", 600, "graph", 100));
  private static final long NEW_TERM = DocumentFrequencies.hash("mambaform");
  private static final long MODEL = DocumentFrequencies.hash("model");
  private static final long GRAPH = DocumentFrequencies.hash("graph");
  private static final long DAY = 20_000;

  private static void papers(RecentFrequencies recent, long day, int count, long... hashes) {
    for (int i = 0; i < count; i++) {
      recent.add(day, hashes);
    }
  }

  @Test
  void aNewTermLosesItsRarityOnlyWhileItsPapersAreInTheWindow() {
    RecentFrequencies recent = new RecentFrequencies(BACKGROUND);
    double unseen = recent.at(DAY).idf(NEW_TERM);

    papers(recent, DAY, 300, NEW_TERM);
    papers(recent, DAY, 700, GRAPH);

    long first = RecentFrequencies.firstDayCounting(DAY);
    long last = RecentFrequencies.lastDayCounting(DAY);
    assertThat(unseen).isEqualTo(BACKGROUND.idf(NEW_TERM));
    assertThat(first - DAY).isBetween(8L, 14L); // at least a week's lag
    assertThat(last - first).isEqualTo(27); // for four weeks
    assertThat(recent.at(first - 1).idf(NEW_TERM)).isEqualTo(unseen);
    assertThat(recent.at(first).idf(NEW_TERM)).isLessThan(unseen - 3);
    assertThat(recent.at(last).idf(NEW_TERM)).isEqualTo(recent.at(first).idf(NEW_TERM));
    assertThat(recent.at(last + 1).idf(NEW_TERM)).isEqualTo(unseen);
  }

  @Test
  void aTermAsFrequentLatelyAsInTheBackgroundKeepsItsIdf() {
    RecentFrequencies recent = new RecentFrequencies(BACKGROUND);
    papers(recent, DAY, 3 * RecentFrequencies.FULL_WEIGHT_PAPERS / 5, MODEL);
    papers(recent, DAY, 2 * RecentFrequencies.FULL_WEIGHT_PAPERS / 5, GRAPH);

    Idf idf = recent.at(RecentFrequencies.firstDayCounting(DAY));

    assertThat(idf.idf(MODEL)).isCloseTo(BACKGROUND.idf(MODEL), within(0.01));
    assertThat(idf.idf(GRAPH)).isLessThan(BACKGROUND.idf(GRAPH) - 0.5); // 40% lately, 10% before
  }

  @Test
  void papersMoreThanAWeekLateCountForThePapersReadAfterThem() {
    RecentFrequencies recent = new RecentFrequencies(BACKGROUND);
    long first = RecentFrequencies.firstDayCounting(DAY);
    double before = recent.at(first).idf(NEW_TERM);

    papers(recent, DAY, 300, NEW_TERM);

    assertThat(recent.at(first).idf(NEW_TERM)).isLessThan(before - 3);
  }

  /** The idf of the new term each paper ({@code {id, day, hash}}) gets when read in this order. */
  private static Map<Long, Double> idfsWhenRead(List<long[]> papers) {
    RecentFrequencies recent = new RecentFrequencies(BACKGROUND);
    Map<Long, Double> idfs = new HashMap<>();
    for (long[] paper : papers) {
      idfs.put(paper[0], recent.at(paper[1]).idf(NEW_TERM));
      recent.add(paper[1], new long[] {paper[2]});
    }
    return idfs;
  }

  @Test
  void aPaperGetsTheSameIdfWhateverOrderPapersLessThanAWeekApartCameIn() {
    List<long[]> inOrder = new ArrayList<>(); // {id, day, hash}
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      inOrder.add(new long[] {i, DAY + random.nextInt(120), random.nextInt(3) == 0 ? NEW_TERM : GRAPH});
    }
    inOrder.sort(Comparator.comparingLong(p -> p[1]));
    // Each paper moved up to 6 days later: none comes after a paper a week newer than it.
    Map<Long, Long> arrival = new HashMap<>();
    inOrder.forEach(p -> arrival.put(p[0], p[1] + random.nextInt(7)));
    List<long[]> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, random);
    shuffled.sort(Comparator.comparingLong(p -> arrival.get(p[0])));

    Map<Long, Double> expected = idfsWhenRead(inOrder);
    Map<Long, Double> actual = idfsWhenRead(shuffled);

    assertThat(actual).isEqualTo(expected);
    assertThat(expected.values().stream().distinct().count()).as("idfs that vary with the window").isGreaterThan(10);
  }
}
