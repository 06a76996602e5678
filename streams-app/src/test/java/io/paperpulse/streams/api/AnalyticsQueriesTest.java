package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperLinks;
import io.paperpulse.avro.PaperSource;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.topiccounts.TopicCountsTopology;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.trends.TrendWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read side over the stores the topologies fill on the test driver (one partition, 0): 48
 * days of ordinary papers in two research topics, and a watched phrase that spikes on day 45.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsQueriesTest {
  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  private static final long DAY0 = LocalDate.of(2025, 3, 1).toEpochDay();
  private static final String PHRASE = "zorblax tensor sheaves";
  private static final String KEY = KeywordExtractor.keyOf(PHRASE);
  private static final Set<Integer> PARTITION = new TreeSet<>(Set.of(0));
  private static final String[] BACKGROUND = {
    "We study graph neural networks for molecular property prediction.",
    "A diffusion model generates images from text prompts.",
    "Reinforcement learning trains a quadruped robot to walk.",
    "We analyse the convergence of stochastic gradient descent.",
  };

  private final ObjectMapper json = new ObjectMapper();
  private final Random random = new Random(5);
  private TopologyTestDriver trends;
  private TopologyTestDriver subjects;
  private AnalyticsQueries queries;
  private List<KeywordTrend> written;
  private int ids;

  /** The stores of the two drivers as partition 0 of a one-partition app. */
  private final class DriverStores implements PartitionStores {
    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
      if (partition != 0) {
        throw new InvalidStateStoreException("no partition " + partition);
      }
      ReadOnlyKeyValueStore<K, V> store = trends.getKeyValueStore(name);
      return store != null ? store : subjects.getKeyValueStore(name);
    }

    @Override
    public TreeSet<Integer> hosted(boolean standbys) {
      return new TreeSet<>(PARTITION);
    }
  }

  @BeforeAll
  void feed() {
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true);
    trends = new TopologyTestDriver(KeywordTrendsTopology.build(settings, TopicSerdes.plain(), new Counters()), config("queries-trends"));
    subjects = new TopologyTestDriver(TopicCountsTopology.build(settings, TopicSerdes.plain(), new Counters()), config("queries-subjects"));
    trends.createInputTopic(Topics.WATCHLIST.name(), Serdes.String().serializer(), AvroSerdes.plain(Watch.class).serializer())
        .pipeInput(KEY, Watch.newBuilder().setKeyword(PHRASE).setOwner("ana").build());
    TestOutputTopic<String, KeywordTrend> out = trends.createOutputTopic(
        Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer());
    background(0, 45, 20);
    for (int i = 0; i < 25; i++) {
      paper(45, "We introduce zorblax tensor sheaves for topology.");
    }
    background(45, 46, 174);
    background(46, 48, 20); // closes day 45, then 46
    written = out.readValuesToList();
    queries = new AnalyticsQueries(new DriverStores());
  }

  @AfterAll
  void close() {
    trends.close();
    subjects.close();
  }

  private static Properties config(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return props;
  }

  private void background(int from, int to, int perDay) {
    for (int day = from; day < to; day++) {
      for (int i = 0; i < perDay; i++) {
        paper(day, "");
      }
    }
  }

  /** A paper of {@code day}: two background sentences and {@code extra}; every second one in Computer Vision. */
  private void paper(int day, String extra) {
    String id = String.format("2503.%05d", ids++);
    Instant time = T0.plus(Duration.ofDays(day)).plusSeconds(random.nextInt(40_000));
    String text = BACKGROUND[random.nextInt(BACKGROUND.length)] + " " + BACKGROUND[random.nextInt(BACKGROUND.length)] + " " + extra;
    Paper paper = Paper.newBuilder().setId(id).setSource(PaperSource.ARXIV_DAILY).setSourceId(id).setTitle("A study " + id)
        .setAbstract$(text).setLinks(PaperLinks.newBuilder().build()).setPublished(time).setIngested(time).build();
    String topic = ids % 2 == 0 ? "Computer Vision" : "Machine Learning";
    EnrichedPaper enriched = new EnrichedPaper(paper, List.of(), List.of(new ScoredTopic(topic, 1.0, true)), "test");
    for (TopologyTestDriver driver : List.of(trends, subjects)) {
      TestInputTopic<String, EnrichedPaper> in = driver.createInputTopic(
          Topics.PAPERS_ENRICHED.name(), Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
      in.pipeInput(id, enriched, time);
    }
  }

  @Test
  void theDaysPartHasTheLatestDayAndTheLastClosedOne() {
    Map<String, Object> days = queries.daysPart(PARTITION, false);

    assertThat(days.get("latestDay")).isEqualTo(DAY0 + 47);
    assertThat((Long) days.get("closedThrough")).isBetween(DAY0 + 45, DAY0 + 46);
  }

  @Test
  void theSubjectDaysCountEveryPaperOnceAndMergeIntoTheWindowsShares() {
    TreeMap<Long, TopicDayCounts> days = PartMerges.mergeTopicDays(List.of(json.valueToTree(queries.topicDaysPart(PARTITION, false))));

    assertThat(days.get(DAY0 + 45).getTotal()).isEqualTo(199);
    assertThat(days.get(DAY0 + 45).getCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(199);
    Answers.Topics week = PartitionedAnalytics.SubjectAnswers.topics(7, days);
    assertThat(week.total()).isEqualTo(4 * 20 + 199 + 2 * 20); // days 41 to 47
    assertThat(week.topics()).extracting(Answers.TopicShare::topic).containsExactlyInAnyOrder("Computer Vision", "Machine Learning");
    assertThat(week.topics().stream().mapToDouble(Answers.TopicShare::share).sum()).isCloseTo(1.0, offset(1e-9));
    Answers.Series series = PartitionedAnalytics.SubjectAnswers.series("Computer Vision", 1, days);
    assertThat(series.series()).hasSize(48);
    assertThat(series.series().get(47).closed()).as("the latest day may still be open").isFalse();
  }

  @Test
  void theSpikingPhraseTrendsOnItsDayWithAQValue() {
    JsonNode part = json.valueToTree(queries.trendingPart(PARTITION, false, DAY0 + 45, TrendWindow.P1D));
    List<JsonNode> listed = PartMerges.mergeTrending(List.of(part), 20);

    assertThat(part.path("tests").asLong()).isPositive();
    assertThat(listed).extracting(t -> t.path("keyword").asText()).contains(KEY);
    JsonNode spike = listed.stream().filter(t -> t.path("keyword").asText().equals(KEY)).findFirst().orElseThrow();
    assertThat(spike.path("count").asLong()).isEqualTo(25);
    assertThat(spike.path("total").asLong()).isEqualTo(199);
    assertThat(spike.path("qValue").asDouble()).isLessThan(0.01);
    assertThat(spike.path("samples").size()).isPositive();
  }

  @Test
  void aTrendOfTheApiIsTheTrendTheTopologyWrote() {
    JsonNode part = json.valueToTree(queries.trendingPart(PARTITION, false, DAY0 + 45, TrendWindow.P1D));
    JsonNode spike = PartMerges.mergeTrending(List.of(part), 20).stream()
        .filter(t -> t.path("keyword").asText().equals(KEY)).findFirst().orElseThrow();
    KeywordTrend topology = written.stream()
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
  void aKeywordHasItsDaysAndATrendInEveryWindow() {
    Answers.Keyword keyword = queries.keyword(KEY, 0, false);

    assertThat(keyword.keyword()).isEqualTo(KEY);
    assertThat(keyword.label()).isEqualToIgnoringCase(PHRASE);
    assertThat(keyword.day()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 47).toString());
    assertThat(keyword.series()).singleElement().satisfies(d -> {
      assertThat(d.day()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 45).toString());
      assertThat(d.count()).isEqualTo(25);
      assertThat(d.total()).isEqualTo(199);
      assertThat(d.closed()).isTrue();
    });
    assertThat(keyword.windows()).containsOnlyKeys("P1D", "P7D", "P28D");
    assertThat(keyword.windows().get("P7D").count()).isEqualTo(25);
    assertThat(json.valueToTree(keyword).path("final").isBoolean()).isTrue();
  }

  @Test
  void aKeywordNoPaperMentionsHasNoAnswer() {
    assertThat(queries.keyword(KeywordExtractor.keyOf("quokka lattice"), 0, false)).isNull();
  }

  @Test
  void theWatchedPhrasesAlertIsAmongTheNewestAlerts() {
    JsonNode part = json.valueToTree(queries.alertsPart(PARTITION, false, 10));
    List<JsonNode> alerts = PartMerges.mergeAlerts(List.of(part, part), 3);

    assertThat(alerts).hasSizeLessThanOrEqualTo(3);
    assertThat(part.path("alerts")).anySatisfy(alert -> {
      assertThat(alert.path("keyword").asText()).isEqualTo(KEY);
      assertThat(alert.path("watched").asBoolean()).isTrue();
      assertThat(alert.path("owner").asText()).isEqualTo("ana");
      assertThat(alert.path("day").asText()).startsWith(LocalDate.ofEpochDay(DAY0 + 45).toString());
    });
    assertThat(alerts).extracting(a -> a.path("key").asText()).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aPartitionThisInstanceDoesNotHoldHasNoAnswer() {
    assertThatThrownBy(() -> queries.alertsPart(Set.of(1), false, 10))
        .isInstanceOf(InvalidStateStoreException.class);
  }
}
