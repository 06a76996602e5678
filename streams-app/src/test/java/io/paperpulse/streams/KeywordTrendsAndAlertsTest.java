package io.paperpulse.streams;

import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.producer.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeywordTrendsAndAlertsTest {
  private final Counters counters = new Counters();
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedPaper> enriched;
  private TestInputTopic<String, Watch> watchlist;
  private TestOutputTopic<String, KeywordTrend> trends;
  private TestOutputTopic<String, SpikeAlert> alerts;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    TopicSerdes serdes = TopicSerdes.plain();
    KStream<String, KeywordTrend> stream =
        KeywordTrendsTopology.addTo(
            builder,
            PaperPulseTopology.analyticsStream(PaperPulseTopology.enrichedSource(builder, serdes)),
            AnalyticsSettings.defaults().withInMemoryState(true),
            serdes,
            counters);
    SpikeAlertsTopology.addTo(builder, stream, AnalyticsSettings.defaults().withInMemoryState(true), serdes, counters);
    driver = new TopologyTestDriver(builder.build(), TestPapers.driverConfig());
    enriched = driver.createInputTopic(Topics.PAPERS_ENRICHED, Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
    watchlist = driver.createInputTopic(Topics.WATCHLIST, Serdes.String().serializer(), AvroSerdes.plain(Watch.class).serializer());
    trends = driver.createOutputTopic(Topics.KEYWORD_TRENDS, Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer());
    alerts = driver.createOutputTopic(Topics.KEYWORD_SPIKES, Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  /** A day of {@code total} papers: the first {@code graph} have "graph", the next {@code noise} "noise". */
  private void day(int day, int total, int graph, int noise) {
    for (int i = 0; i < total; i++) {
      String id = String.format("p%03d-%02d", day, i); // the same paper whatever order the days are fed in
      List<String> keys = new ArrayList<>(List.of("filler" + (i % 7)));
      if (i < graph) {
        keys.add("graph");
      } else if (i < graph + noise) {
        keys.add("noise");
      }
      enriched.pipeInput(id, paper(id).title("Paper " + id).at(t(day + 0.01 * i)).keywords(keys.toArray(String[]::new)).enriched(), t(day + 0.01 * i));
    }
  }

  private List<KeywordTrend> finals(String keyword) {
    return trends.readValuesToList().stream().filter(tr -> tr.getKeyword().equals(keyword) && tr.getFinal$()).toList();
  }

  @Test
  void aBurstOfAWatchedKeywordOnAFlatBaselineAlertsExactlyOnce() {
    watchlist.pipeInput("graph", new Watch("graph", 3, 3.0, 0.001, "ana", "#graphs"));
    for (int d = 0; d < 20; d++) {
      day(d, 20, 2, 0);
    }
    day(20, 20, 12, 4); // graph jumps from 10% to 60%; noise from 0 to 4 papers
    day(21, 20, 12, 0); // the spike goes on a second day: still one alert
    day(23, 20, 2, 0); // closes days 20 and 21

    List<SpikeAlert> raised = alerts.readValuesToList();
    assertThat(raised).hasSize(1);
    SpikeAlert alert = raised.get(0);
    assertThat(alert.getKeyword()).isEqualTo("graph");
    assertThat(alert.getStart()).isEqualTo(t(20));
    assertThat(alert.getWatched()).isTrue();
    assertThat(alert.getOwner()).isEqualTo("ana");
    assertThat(alert.getChannel()).isEqualTo("#graphs");
    assertThat(alert.getCount()).isGreaterThanOrEqualTo(3);
    assertThat(alert.getBaseline()).isBetween(0.08, 0.12);
    assertThat(alert.getSamples()).hasSizeBetween(1, 5);
  }

  @Test
  void theBaselineFollowsTheDailyShareAndIsScoredBeforeTheDayIsFoldedIn() {
    for (int d = 0; d < 20; d++) {
      day(d, 20, 2, 0);
    }
    day(20, 20, 12, 0);
    day(22, 20, 2, 0);

    List<KeywordTrend> graph = finals("graph");
    assertThat(graph).hasSize(21);
    KeywordTrend flat = graph.get(19);
    assertThat(flat.getStart()).isEqualTo(t(19));
    assertThat(flat.getShare()).isEqualTo(0.1);
    assertThat(flat.getBaseline()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.02));
    assertThat(flat.getScore()).isLessThan(1.0);
    KeywordTrend burst = graph.get(20);
    assertThat(burst.getCount()).isEqualTo(12);
    assertThat(burst.getTotal()).isEqualTo(20);
    assertThat(burst.getBaseline()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.02));
    assertThat(burst.getScore()).isGreaterThan(5);
    // P(X >= 12) for X ~ Poisson(0.1 * 20), as computed independently.
    assertThat(burst.getPValue()).isCloseTo(1.3646151595e-6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(burst.getHistoryDays()).isEqualTo(20);
  }

  @Test
  void anUnwatchedKeywordBelowTheGlobalRuleRaisesNoAlert() {
    for (int d = 0; d < 20; d++) {
      day(d, 20, 2, 0);
    }
    day(20, 20, 2, 4); // noise: 4 papers from nothing, below the global minimum of 10
    day(22, 20, 2, 0);

    assertThat(alerts.readValuesToList()).isEmpty();
  }

  @Test
  void anUnwatchedKeywordAlertsUnderTheGlobalRuleWhenTheBurstIsLargeEnough() {
    for (int d = 0; d < 20; d++) {
      day(d, 40, 2, 0);
    }
    day(20, 40, 30, 0);
    day(22, 40, 2, 0); // closes day 20

    List<SpikeAlert> raised = alerts.readValuesToList();
    assertThat(raised).extracting(SpikeAlert::getKeyword).containsExactly("graph");
    assertThat(raised.get(0).getWatched()).isFalse();
    assertThat(raised.get(0).getCount()).as("judged on the whole day").isEqualTo(30);
  }

  @Test
  void aKeywordQuietForNinetyDaysIsForgottenAndOneStillSeenIsKept() {
    for (int d = 0; d < 5; d++) {
      day(d, 3, 3, 0);
    }
    for (int d = 5; d < 5 + KeywordTrendsTopology.QUIET_DAYS + 3; d++) {
      day(d, 3, 0, 0); // only the filler keywords from now on
    }
    org.apache.kafka.streams.state.KeyValueStore<String, io.paperpulse.avro.state.KeywordState> states =
        driver.getKeyValueStore(Stores.KEYWORD_STATE);

    assertThat(states.get("graph")).as("quiet for %d days", KeywordTrendsTopology.QUIET_DAYS).isNull();
    assertThat(states.get("filler0")).isNotNull();
    assertThat(counters.keywordsForgotten.get()).isEqualTo(1);
  }

  @Test
  void aKeywordBackAfterNinetyQuietDaysStartsAfreshWhetherOrNotItWasForgottenFirst() {
    // Forgotten first: a later day closes the quiet day before the keyword's new paper arrives.
    List<KeywordTrend> forgottenFirst = comeback(true);
    // Back first: the new paper is counted before the quiet day closes.
    List<KeywordTrend> backFirst = comeback(false);

    assertThat(forgottenFirst).isNotEmpty();
    assertThat(forgottenFirst.get(0).getHistoryDays()).as("a fresh baseline").isZero();
    assertThat(backFirst).isEqualTo(forgottenFirst);
  }

  /** Graph on days 0-4, then on day 96; the final trends of graph after its comeback. */
  private List<KeywordTrend> comeback(boolean day97First) {
    for (int d = 0; d < 5; d++) {
      day(d, 3, 3, 0);
    }
    for (int d = 5; d < 95; d++) {
      day(d, 3, 0, 0);
    }
    if (day97First) {
      day(97, 3, 0, 0); // closes day 94, which forgets day 4's keywords
      day(96, 3, 3, 0);
    } else {
      day(96, 3, 3, 0);
      day(97, 3, 0, 0);
    }
    day(100, 3, 0, 0); // closes days 96 and 97
    List<KeywordTrend> after = finals("graph").stream().filter(t -> !t.getStart().isBefore(t(96))).toList();
    driver.close();
    start();
    return after;
  }

  @Test
  void aPaperForADayAlreadyClosedIsCountedAsLate() {
    day(0, 3, 3, 0);
    day(3, 3, 3, 0);
    day(0, 1, 1, 0);

    assertThat(counters.lateForTrends.get()).isEqualTo(1);
  }
}
