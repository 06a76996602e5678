package io.paperpulse.streams.api;

import static io.paperpulse.streams.analytics.DriverStores.DAY0;
import static io.paperpulse.streams.analytics.DriverStores.KEY;
import static io.paperpulse.streams.analytics.DriverStores.PARTITION;
import static io.paperpulse.streams.analytics.DriverStores.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.alerts.AlertQueries;
import io.paperpulse.streams.analytics.DriverStores;
import io.paperpulse.streams.keywordtrends.Keyword;
import io.paperpulse.streams.keywordtrends.KeywordQueries;
import io.paperpulse.streams.subjectcounts.SubjectCountQueries;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import io.paperpulse.streams.trends.TrendWindow;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP layer's merges and answers over the parts the features' query classes read from the
 * stores the topologies fill on the test driver ({@link DriverStores}).
 */
@ExtendWith(DriverStores.Fed.class)
class MergedPartsTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theSubjectDaysCountEveryPaperOnceAndMergeIntoTheWindowsShares(SubjectCountQueries queries) {
    TreeMap<Long, TopicDayCounts> days = PartMerges.mergeSubjectDays(List.of(json.valueToTree(queries.subjectDaysPart(PARTITION, false))));

    assertThat(days.get(DAY0 + 45).getTotal()).isEqualTo(199);
    assertThat(days.get(DAY0 + 45).getCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(199);
    Answers.Subjects week = PartitionedAnalytics.SubjectAnswers.subjects(7, days);
    assertThat(week.total()).isEqualTo(4 * 20 + 199 + 2 * 20); // days 41 to 47
    assertThat(week.subjects()).extracting(Answers.SubjectShare::subject).containsExactlyInAnyOrder("Computer Vision", "Machine Learning");
    assertThat(week.subjects().stream().mapToDouble(Answers.SubjectShare::share).sum()).isCloseTo(1.0, offset(1e-9));
    Answers.Series series = PartitionedAnalytics.SubjectAnswers.series("Computer Vision", 1, days);
    assertThat(series.series()).hasSize(48);
    assertThat(series.series().get(47).closed()).as("the latest day may still be open").isFalse();
  }

  @Test
  void aDayNotEveryPartHasCountedHasNoShareYet() throws Exception {
    JsonNode ahead = json.readTree("{\"days\": {\"20000\": {\"total\": 5, \"counts\": {\"Computer Vision\": 3}}}}");
    JsonNode behind = json.readTree("{\"days\": {}}");
    TreeMap<Long, TopicDayCounts> days = PartMerges.mergeSubjectDays(List.of(ahead, behind));

    Answers.Subjects week = PartitionedAnalytics.SubjectAnswers.subjects(7, days);
    assertThat(week.total()).isZero();
    assertThat(week.subjects()).singleElement().satisfies(s -> {
      assertThat(s.count()).isEqualTo(3);
      assertThat(s.share()).isNull();
    });
    assertThat(json.writeValueAsString(week)).contains("\"share\":null").doesNotContain("Infinity");
    assertThat(PartitionedAnalytics.SubjectAnswers.series("Computer Vision", 1, days).series())
        .singleElement().satisfies(p -> assertThat(p.share()).isNull());

    JsonNode caughtUpToo = json.readTree("{\"days\": {\"20000\": {\"total\": 5, \"counts\": {\"Graphics\": 2}}}}");
    TreeMap<Long, TopicDayCounts> caughtUp = PartMerges.mergeSubjectDays(List.of(ahead, caughtUpToo));
    assertThat(PartitionedAnalytics.SubjectAnswers.subjects(7, caughtUp).subjects().get(0).share()).isEqualTo(0.6);
  }

  @Test
  void noWindowReachesBackBeforeTheKeptDays() throws Exception {
    StringBuilder days = new StringBuilder();
    for (long day = 20000; day < 20200; day++) {
      days.append(day == 20000 ? "" : ", ").append("\"").append(day).append("\": {\"total\": 10, \"counts\": {\"Graphics\": 10}}");
    }
    TreeMap<Long, TopicDayCounts> all = PartMerges.mergeSubjectDays(List.of(json.readTree("{\"days\": {" + days + "}}")));
    TreeMap<Long, TopicDayCounts> kept = new TreeMap<>(all.tailMap(20200L - SubjectCountsTopology.RETAINED_DAYS));

    List<Answers.SeriesPoint> weeks = PartitionedAnalytics.SubjectAnswers.series("Graphics", 7, kept).series();
    assertThat(weeks).as("every window whole: no rise at the left edge").allSatisfy(p -> assertThat(p.count()).isEqualTo(70));
    assertThat(weeks.get(0).start()).isEqualTo(LocalDate.ofEpochDay(20200L - SubjectCountsTopology.RETAINED_DAYS).toString());

    TreeMap<Long, TopicDayCounts> fresh = new TreeMap<>(all.headMap(20010L));
    List<Answers.SeriesPoint> freshWeeks = PartitionedAnalytics.SubjectAnswers.series("Graphics", 7, fresh).series();
    assertThat(freshWeeks).as("a feed's first days: its first windows hold what there was").hasSize(10);
    assertThat(freshWeeks.get(0).count()).isEqualTo(10);
  }

  @Test
  void theSpikingPhraseTrendsOnItsDayWithAQValue(KeywordQueries queries) {
    JsonNode part = json.valueToTree(queries.trendingPart(PARTITION, false, DAY0 + 45, TrendWindow.P1D));
    List<JsonNode> listed = PartMerges.mergeTrending(List.of(part), 20);

    assertThat(listed).extracting(t -> t.path("keyword").asText()).contains(KEY);
    JsonNode spike = listed.stream().filter(t -> t.path("keyword").asText().equals(KEY)).findFirst().orElseThrow();
    assertThat(spike.path("count").asLong()).isEqualTo(25);
    assertThat(spike.path("total").asLong()).isEqualTo(199);
    assertThat(spike.path("qValue").asDouble()).isLessThan(0.01);
    assertThat(spike.path("samples").size()).isPositive();
  }

  @Test
  void aTrendOfTheApiIsTheTrendTheTopologyWrote(KeywordQueries queries, DriverStores stores) {
    JsonNode part = json.valueToTree(queries.trendingPart(PARTITION, false, DAY0 + 45, TrendWindow.P1D));
    JsonNode spike = PartMerges.mergeTrending(List.of(part), 20).stream()
        .filter(t -> t.path("keyword").asText().equals(KEY)).findFirst().orElseThrow();
    KeywordTrend topology = stores.written().stream()
        .filter(t -> t.getKeyword().equals(KEY) && t.getWindow().equals("P1D") && t.getStart().equals(T0.plus(Duration.ofDays(45))))
        .findFirst().orElseThrow();

    KeywordTrend api = PartMerges.keywordTrendOf(spike);

    assertThat(api.getStart()).isEqualTo(topology.getStart());
    assertThat(api.getCount()).isEqualTo(topology.getCount());
    assertThat(api.getTotal()).isEqualTo(topology.getTotal());
    assertThat(api.getBaseline()).isEqualTo(topology.getBaseline());
    assertThat(api.getScore()).isEqualTo(topology.getScore());
    assertThat(api.getPValue()).isEqualTo(topology.getPValue());
  }

  @Test
  void aKeywordsAnswerIsTheKeywordsFieldsThenItsWatch(KeywordQueries queries) {
    Keyword keyword = queries.keyword(KEY, 0, false);
    JsonNode unwatched = json.valueToTree(new Answers.KeywordWithWatch(keyword, null));
    JsonNode watched = json.valueToTree(new Answers.KeywordWithWatch(
        keyword, Answers.WatchAnswer.of(KEY, Watch.newBuilder().setKeyword("Zorblax tensor sheaves").setOwner("ana").build())));

    List<String> fields = new ArrayList<>();
    unwatched.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("keyword", "label", "day", "final", "series", "weeks", "windows", "watch");
    assertThat(unwatched.path("watch").isNull()).isTrue();
    ObjectNode keywordsFields = unwatched.deepCopy();
    keywordsFields.remove("watch");
    assertThat(keywordsFields).isEqualTo(json.valueToTree(keyword));
    assertThat(watched.path("watch").path("phrase").asText()).isEqualTo("Zorblax tensor sheaves");
    assertThat(watched.path("watch").path("owner").asText()).isEqualTo("ana");
  }

  @Test
  void theNewestAlertsOfThePartsMergeNewestFirst(AlertQueries queries) {
    JsonNode part = json.valueToTree(queries.alertsPart(PARTITION, false, 10));
    List<JsonNode> alerts = PartMerges.mergeAlerts(List.of(part, part), 3);

    assertThat(alerts).hasSizeLessThanOrEqualTo(3);
    assertThat(alerts).extracting(a -> a.path("key").asText()).isSortedAccordingTo(Comparator.reverseOrder());
  }
}
