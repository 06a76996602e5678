package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Digest;
import io.paperpulse.avro.DigestPaper;
import io.paperpulse.avro.DigestSpike;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.TrendingKeywordRef;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digests step on the test driver: one digest per subscriber once a day's ranking is whole. */
class DigestTopologyTest {
  private static final String DIFFUSION = KeywordExtractor.keyOf("diffusion models");
  private TopologyTestDriver driver;
  private TestInputTopic<String, Subscription> subscriptions;
  private TestInputTopic<String, TrendingPaper> ranking;
  private TestInputTopic<String, SpikeAlert> spikes;
  private TestOutputTopic<String, Digest> digests;

  @BeforeEach
  void start(@TempDir Path state) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "digests-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    driver = new TopologyTestDriver(DigestTopology.build(TopicSerdes.plain(), email -> "https://pp.example/u/" + email), props);
    subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), Serdes.String().serializer(), AvroSerdes.plain(Subscription.class).serializer());
    ranking = driver.createInputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().serializer(), AvroSerdes.plain(TrendingPaper.class).serializer());
    spikes = driver.createInputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().serializer(), AvroSerdes.plain(SpikeAlert.class).serializer());
    digests = driver.createOutputTopic(Topics.DIGESTS.name(), Serdes.String().deserializer(), AvroSerdes.plain(Digest.class).deserializer());
    subscribe("ada@example.org", List.of(DIFFUSION), List.of(), false);
    subscribe("bob@example.org", List.of(), List.of("Robotics"), false);
    subscribe("cy@example.org", List.of(), List.of(), true);
    subscribe("dee@example.org", List.of(KeywordExtractor.keyOf("graphs")), List.of(), false);
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void subscribe(String email, List<String> keywords, List<String> subjects, boolean everything) {
    subscriptions.pipeInput(email, new Subscription(email, keywords, subjects, everything, Instant.EPOCH));
  }

  private static Instant day(String day) {
    return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private void rank(String window, String day, int rank, int size, String id, List<String> keywords, List<String> subjects) {
    List<TrendingKeywordRef> refs = keywords.stream().map(k -> new TrendingKeywordRef(k, k, 1.0)).toList();
    Instant start = day(day);
    TrendingPaper paper = TrendingPaper.newBuilder()
        .setWindow(window).setStart(start).setEnd(start.plusSeconds(86_400)).setRank(rank).setRankingSize(size)
        .setScore(10.0 - rank).setPaperId(id).setTitle("Title of " + id).setUrl("https://arxiv.org/abs/" + id)
        .setSubjects(subjects).setDay(start).setKeywords(refs).build();
    ranking.pipeInput(String.format("%s|%s|%03d", window, day, rank), paper, start.plusSeconds(86_400));
  }

  private void spike(String keyword, String day) {
    spikes.pipeInput(keyword, SpikeAlert.newBuilder()
        .setKeyword(keyword).setLabel(keyword).setWindow("P1D").setStart(day(day)).setCount(7).setBaseline(0.01)
        .setScore(4.5).setPValue(1e-6).setWatched(false).build(), day(day).plusSeconds(86_400));
  }

  private static List<String> ids(Digest digest) {
    return digest.getPapers().stream().map(DigestPaper::getPaperId).toList();
  }

  @Test
  void aWholeDayRankingGivesEachSubscriberOneDigestOfWhatTheyFollow() {
    spike(DIFFUSION, "2025-03-20");
    spike(KeywordExtractor.keyOf("agents"), "2025-03-20");
    rank("P1D", "2025-03-20", 3, 3, "p3", List.of("other"), List.of("Databases"));
    rank("P7D", "2025-03-20", 1, 1, "w1", List.of(DIFFUSION), List.of("Robotics"));
    rank("P1D", "2025-03-20", 1, 3, "p1", List.of(DIFFUSION), List.of("Computer Vision"));
    assertThat(digests.isEmpty()).as("no digest before the day's ranking is whole").isTrue();

    rank("P1D", "2025-03-20", 2, 3, "p2", List.of(), List.of("Robotics"));

    Map<String, Digest> out = digests.readKeyValuesToMap();
    assertThat(out).as("dee's keyword has no paper and no spike that day: no digest, no empty e-mail").containsOnlyKeys(
        "ada@example.org|2025-03-20", "bob@example.org|2025-03-20", "cy@example.org|2025-03-20");
    Digest ada = out.get("ada@example.org|2025-03-20");
    assertThat(ids(ada)).containsExactly("p1");
    assertThat(ada.getPapers().get(0).getMatched()).containsExactly(DIFFUSION);
    assertThat(ada.getSpikes()).extracting(DigestSpike::getKeyword).containsExactly(DIFFUSION);
    assertThat(ada.getUnsubscribeUrl()).isEqualTo("https://pp.example/u/ada@example.org");
    assertThat(ids(out.get("bob@example.org|2025-03-20"))).containsExactly("p2");
    assertThat(ids(out.get("cy@example.org|2025-03-20"))).containsExactly("p1", "p2", "p3");
    assertThat(out.get("cy@example.org|2025-03-20").getSpikes()).isEmpty();
  }

  @Test
  void aRemovedSubscriberGetsNoMoreDigestsAndEachDayIsMadeOnce() {
    rank("P1D", "2025-03-20", 1, 1, "p1", List.of(DIFFUSION), List.of("Robotics"));
    assertThat(digests.readKeyValuesToMap()).hasSize(3);

    subscriptions.pipeInput("bob@example.org", null);
    rank("P1D", "2025-03-21", 1, 2, "q1", List.of(DIFFUSION), List.of());
    rank("P1D", "2025-03-21", 2, 2, "q2", List.of(), List.of("Robotics"));

    Map<String, Digest> out = digests.readKeyValuesToMap();
    assertThat(out).containsOnlyKeys("ada@example.org|2025-03-21", "cy@example.org|2025-03-21");
    assertThat(ids(out.get("ada@example.org|2025-03-21"))).containsExactly("q1");
  }

  @Test
  void theStepsStoresAndRepartitionTopicsKeepTheirNames() {
    String description = DigestTopology.build(TopicSerdes.plain(), email -> "").describe().toString();
    TreeSet<String> names = new TreeSet<>();
    Matcher node = Pattern.compile("(?:Source|Processor|Sink): ([\\w-]+)").matcher(description);
    while (node.find()) {
      names.add(node.group(1));
    }
    // A rename orphans a changelog or a repartition topic: change one on purpose, with a reset.
    assertThat(names).contains(
        "subscriptions-source", "digest-spikes-source", "digest-ranking-source", "digest-spikes-keep", "digest-make",
        "digest-spikes-repartition-source", "digest-ranking-repartition-source", "digests-sink");
    assertThat(description).contains(
        StoreNames.DIGEST_RANKING, StoreNames.DIGEST_SPIKES,
        StoreNames.SUBSCRIPTIONS, "digest-ranking-repartition", "digest-spikes-repartition");
  }
}
