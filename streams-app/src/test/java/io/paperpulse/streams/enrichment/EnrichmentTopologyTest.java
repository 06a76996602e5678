package io.paperpulse.streams.enrichment;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.ScoredKeyword;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.TestPapers;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.RecentFrequencies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichmentTopologyTest {
  private static Enricher enricher;
  private final Counters counters = new Counters();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> papers;
  private TestOutputTopic<String, EnrichedPaper> enriched;
  private TestOutputTopic<String, byte[]> dlq;
  private final org.apache.kafka.common.serialization.Serializer<Paper> paperBytes =
      AvroSerdes.plain(Paper.class).serializer();

  @BeforeAll
  static void loadModel() {
    enricher = Enricher.bundled();
  }

  @BeforeEach
  void start() {
    driver = new TopologyTestDriver(EnrichmentTopology.build(enricher, TopicSerdes.plain(), counters), TestPapers.driverConfig());
    papers = driver.createInputTopic(Topics.PAPERS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    enriched = driver.createOutputTopic(Topics.PAPERS_ENRICHED.name(), Serdes.String().deserializer(), AvroSerdes.plain(EnrichedPaper.class).deserializer());
    dlq = driver.createOutputTopic(Topics.PAPERS_DLQ.name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void send(Paper paper) {
    papers.pipeInput(paper.getId(), paperBytes.serialize(Topics.PAPERS.name(), paper), paper.getPublished());
  }

  @Test
  void addsKeywordsAndTheSubjectsOfItsCategories() {
    send(paper("2503.00001")
        .title("Diffusion Models for Protein Design")
        .text("We train diffusion models on protein structures. Our diffusion model designs proteins.")
        .categories("cs.LG", "q-bio.BM", "stat.ML")
        .at(t(1))
        .build());

    TestRecord<String, EnrichedPaper> out = enriched.readRecord();
    assertThat(out.key()).isEqualTo("2503.00001");
    assertThat(out.timestamp()).isEqualTo(t(1).toEpochMilli());
    assertThat(out.value().getTopics()).extracting(ScoredTopic::getTopic)
        .containsExactly("Machine Learning", "Quantitative Biology");
    assertThat(out.value().getKeywords()).extracting(ScoredKeyword::getLabel).contains("diffusion models");
    assertThat(out.value().getKeywords()).extracting(ScoredKeyword::getKeyword).doesNotHaveDuplicates();
    assertThat(out.value().getExtractorVersion()).isEqualTo(Enricher.VERSION);
  }

  private double scoreOf(String keyword, String id, long day) {
    send(paper(id)
        .title("Mambaformer for long sequences")
        .text("Mambaformer mixes state space layers with attention for long sequences.")
        .categories("cs.LG")
        .at(Instant.ofEpochMilli(Days.startMillis(day) + Days.MILLIS / 2))
        .build());
    return enriched.readRecord().value().getKeywords().stream()
        .filter(k -> k.getKeyword().equals(keyword))
        .mapToDouble(ScoredKeyword::getScore)
        .findFirst()
        .orElseThrow(() -> new AssertionError(keyword + " is not among the keywords of " + id));
  }

  @Test
  void aTermNewToTheBackgroundScoresLowerALagAfterManyPapersUsedIt() {
    String keyword = KeywordExtractor.keyOf("Mambaformer");
    long day = Days.of(t(1));
    double first = scoreOf(keyword, "p0", day);
    for (int i = 1; i < 300; i++) {
      scoreOf(keyword, "p" + i, day);
    }

    double withinLag = scoreOf(keyword, "q1", RecentFrequencies.firstDayCounting(day) - 1);
    double afterLag = scoreOf(keyword, "q2", RecentFrequencies.firstDayCounting(day));

    assertThat(withinLag).isEqualTo(first);
    assertThat(afterLag).isLessThan(first * 0.8);
  }

  @Test
  void aPaperWithoutCategoriesGetsClassifiedSubjects() {
    send(paper("t:abc")
        .title("Robust grasping with a legged robot")
        .text("A quadruped robot learns locomotion and manipulation policies with reinforcement learning in simulation and transfers them to hardware.")
        .at(t(1))
        .build());

    EnrichedPaper out = enriched.readValue();
    assertThat(out.getTopics()).isNotEmpty().allSatisfy(subject -> assertThat(subject.getFromCategory()).isFalse());
    assertThat(out.getTopics().get(0).getTopic()).isEqualTo("Robotics");
  }

  @Test
  void thePaperIsEnrichedOnceHoweverOftenItIsPublished() {
    Paper paper = paper("2503.00002").title("Graph neural networks").at(t(1)).build();
    send(paper);
    send(paper);

    assertThat(enriched.readRecordsToList()).hasSize(1);
    assertThat(counters.duplicates.get()).isEqualTo(1);
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithReasonAndSourceAndTheAppGoesOn() {
    byte[] good = paperBytes.serialize(Topics.PAPERS.name(), paper("2503.00003").title("Fine").at(t(1)).build());
    papers.pipeInput("2503.00009", new byte[] {0, 0, 0, 0, 7, 1, 2}, t(1));
    papers.pipeInput("2503.00010", Arrays.copyOf(good, good.length / 2), t(1));
    papers.pipeInput("wrong-key", good, t(1));
    papers.pipeInput("2503.00003", good, t(1));

    List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(3);
    assertThat(dead.get(0).value()).isEqualTo(new byte[] {0, 0, 0, 0, 7, 1, 2});
    assertThat(header(dead.get(0), EnrichmentTopology.HEADER_REASON)).startsWith("cannot deserialize the value");
    assertThat(header(dead.get(0), EnrichmentTopology.HEADER_TOPIC)).isEqualTo(Topics.PAPERS.name());
    assertThat(header(dead.get(0), EnrichmentTopology.HEADER_PARTITION)).isEqualTo("0");
    assertThat(header(dead.get(0), EnrichmentTopology.HEADER_OFFSET)).isEqualTo("0");
    assertThat(header(dead.get(1), EnrichmentTopology.HEADER_OFFSET)).isEqualTo("1");
    assertThat(header(dead.get(2), EnrichmentTopology.HEADER_REASON))
        .isEqualTo("the key 'wrong-key' is not the paper id '2503.00003'");
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("2503.00003");
    assertThat(counters.consumed.get())
        .isEqualTo(4)
        .isEqualTo(counters.enriched.get() + counters.duplicates.get() + counters.deadLettered.get());
  }

  @Test
  void aRecordDatedMoreThanTwoDaysAfterItsIngestionGoesToTheDeadLetterTopic() {
    Paper paper = paper("2503.00004").title("From the future").at(t(1)).build();
    papers.pipeInput("2503.00004", paperBytes.serialize(Topics.PAPERS.name(), paper), t(1).plus(java.time.Duration.ofDays(3)));
    papers.pipeInput("2503.00004", paperBytes.serialize(Topics.PAPERS.name(), paper), t(1).plus(java.time.Duration.ofDays(1)));

    List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(header(dead.get(0), EnrichmentTopology.HEADER_REASON)).startsWith("the record's time ").contains("more than 2 days after");
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("2503.00004");
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
