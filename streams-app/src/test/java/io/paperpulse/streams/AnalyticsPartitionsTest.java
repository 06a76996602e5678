package io.paperpulse.streams;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsPartitioner;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Test;

/**
 * The analytics give the same finals on 1, 3 or 6 partitions: each partition runs on its own
 * driver, fed the records the enrichment makes for it, from papers of three source partitions
 * interleaved differently on each partition, with papers that arrive days late.
 */
class AnalyticsPartitionsTest {
  private static final String INPUT = "analytics-input";

  /** Sixty days of papers from three source partitions; "Flarebench" rises in the last two weeks. */
  private static List<EnrichedPaper> papers() {
    String[] sentences = {
      "We train large language models with reinforcement learning.",
      "A diffusion model generates images from text prompts.",
      "Graph neural networks predict molecular properties.",
      "We evaluate GPT-5 on code generation.",
      "Federated learning protects the privacy of medical data.",
    };
    Random random = new Random(3);
    List<EnrichedPaper> papers = new ArrayList<>();
    // Late papers: days after their day, in their source's order, so late everywhere or nowhere.
    for (int late = 0; late < 6; late++) {
      String id = String.format("2504.999%02d", late);
      papers.add(paper(id).title("Late " + id).text("We evaluate GPT-5 late.").categories("cs.CL")
          .subjects("Computation and Language").at(t(10 + late * 5)).enriched());
    }
    List<EnrichedPaper> onTime = new ArrayList<>();
    for (int day = 0; day < 60; day++) {
      for (int i = 0; i < 15; i++) {
        String text = sentences[random.nextInt(sentences.length)] + " " + sentences[random.nextInt(sentences.length)]
            + (day >= 46 && i < 4 ? " We report results on Flarebench." : "");
        String id = String.format("2504.%03d%02d", day, i);
        String category = i % 3 == 0 ? "cs.CL" : i % 3 == 1 ? "cs.LG" : "cs.CV";
        onTime.add(paper(id).title("Study " + id).text(text).categories(category).subjects(category.equals("cs.CL")
            ? "Computation and Language" : category.equals("cs.LG") ? "Machine Learning" : "Computer Vision")
            .at(t(day + 0.01 * i)).enriched());
      }
    }
    // Each late paper is published four days after its own day.
    List<EnrichedPaper> all = new ArrayList<>(onTime);
    for (EnrichedPaper late : papers) {
      long due = late.getPaper().getPublished().plus(java.time.Duration.ofDays(4)).toEpochMilli();
      int at = 0;
      while (at < all.size() && all.get(at).getPaper().getPublished().toEpochMilli() <= due) {
        at++;
      }
      all.add(at, late);
    }
    return all;
  }

  private static int sourceOf(EnrichedPaper paper) {
    return Math.floorMod(paper.getPaper().getId().hashCode(), 3);
  }

  /** The papers with the sources' streams merged in a random order, each source's kept. */
  private static List<EnrichedPaper> interleaved(List<EnrichedPaper> papers, Random random) {
    List<List<EnrichedPaper>> sources = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    papers.forEach(p -> sources.get(sourceOf(p)).add(p));
    int[] next = new int[3];
    List<EnrichedPaper> out = new ArrayList<>();
    while (out.size() < papers.size()) {
      int s = random.nextInt(3);
      // Long runs of one source, so sources run days apart, as in a backfill.
      for (int run = random.nextInt(40); run >= 0 && next[s] < sources.get(s).size(); run--) {
        out.add(sources.get(s).get(next[s]++));
      }
    }
    return out;
  }

  /** Every final trend, alert and subject count of a run on {@code partitions} partitions. */
  private static TreeSet<String> finals(List<EnrichedPaper> papers, int partitions, Counters counters) {
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true).withSourcePartitions(3);
    List<TopologyTestDriver> drivers = new ArrayList<>();
    List<TestInputTopic<String, Contribution>> inputs = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      StreamsBuilder builder = new StreamsBuilder();
      KStream<String, Contribution> in = builder.stream(INPUT, Consumed.with(Serdes.String(), Contribution.serde()));
      SubjectCountsTopology.addTo(builder, in, settings, TopicSerdes.plain(), new Counters());
      KeywordTrendsTopology.addTo(builder, in, settings, TopicSerdes.plain(), counters);
      TopologyTestDriver driver = new TopologyTestDriver(builder.build(), TestPapers.driverConfig("partitions-" + partitions + "-" + p));
      drivers.add(driver);
      inputs.add(driver.createInputTopic(INPUT, Serdes.String().serializer(), Contribution.serde().serializer()));
    }
    try {
      for (int p = 0; p < partitions; p++) {
        // Each partition sees the three sources interleaved its own way, each source in its order.
        for (EnrichedPaper paper : interleaved(papers, new Random(100 + p))) {
          int source = sourceOf(paper);
          Contribution c = PaperPulseTopology.contributions(paper, source, partitions, true).get(p);
          inputs.get(p).pipeInput(paper.getPaper().getId(), c, paper.getPaper().getPublished());
        }
      }
      TreeSet<String> out = new TreeSet<>();
      for (TopologyTestDriver driver : drivers) {
        driver.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer())
            .readValuesToList().forEach(v -> out.add("trend " + v));
        driver.createOutputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer())
            .readValuesToList().forEach(v -> out.add("alert " + v));
        driver.createOutputTopic(Topics.SUBJECT_COUNTS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TopicCount.class).deserializer())
            .readValuesToList().forEach(v -> out.add("count " + v));
      }
      return out;
    } finally {
      drivers.forEach(TopologyTestDriver::close);
    }
  }

  @Test
  void oneThreeAndSixPartitionsGiveTheSameFinals() {
    List<EnrichedPaper> papers = papers();

    Counters counters = new Counters();
    TreeSet<String> one = finals(papers, 1, counters);
    TreeSet<String> three = finals(papers, 3, new Counters());
    TreeSet<String> six = finals(papers, 6, new Counters());

    assertThat(counters.lateForTrends.get()).as("the late papers were late").isEqualTo(6);
    assertThat(one).anyMatch(s -> s.startsWith("trend ") && s.contains("Flarebench"));
    assertThat(one).anyMatch(s -> s.startsWith("alert ") && s.contains("Flarebench"));
    assertThat(one).anyMatch(s -> s.startsWith("count "));
    assertThat(three).isEqualTo(one);
    assertThat(six).isEqualTo(one);
  }

  @Test
  void everyPartitionGetsEveryPaperAndEachTermGoesToOne() {
    EnrichedPaper paper = paper("2504.00001").title("Qwen3 and GPT-5").text("We compare Qwen3 with GPT-5 on MMLU. Large language models and multimodal large language models disagree.")
        .categories("cs.CL").subjects("Computation and Language").at(t(1)).enriched();

    List<Contribution> parts = PaperPulseTopology.contributions(paper, 2, 6, true);

    assertThat(parts).hasSize(6).allSatisfy(c -> {
      assertThat(c.sourcePartition()).isEqualTo(2);
      assertThat(c.paperId()).isEqualTo("2504.00001");
      c.terms().forEach(term -> assertThat(AnalyticsPartitioner.partitionOf(term.key(), 6)).isEqualTo(c.target()));
    });
    assertThat(parts).extracting(Contribution::target).containsExactly(0, 1, 2, 3, 4, 5);
    List<String> keys = parts.stream().flatMap(c -> c.terms().stream()).map(Contribution.Term::key).toList();
    assertThat(keys).doesNotHaveDuplicates().contains("qwen3", "gpt-5", "mmlu");
    assertThat(parts.stream().mapToInt(c -> c.subjects().size()).sum()).isEqualTo(1);
    assertThat(parts).extracting(Contribution::primarySubject).containsOnly("Computation and Language");
    var serde = Contribution.serde();
    parts.forEach(c -> assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", c))).isEqualTo(c));
    assertThat(parts).anyMatch(c -> c.summary() != null).anyMatch(c -> c.summary() == null);

    // A record written before the terms' phrase ends existed ends after the primary subject; one
    // written before the summary and the primary subject, after the subjects. Their terms end their phrases.
    Contribution plain = parts.stream().filter(c -> c.summary() == null && c.terms().stream().anyMatch(t -> !t.ends()))
        .findFirst().orElseThrow();
    byte[] now = serde.serializer().serialize("t", plain);
    int ends = (plain.terms().size() + 7) / 8;
    List<Contribution.Term> allEnd = plain.terms().stream().map(t -> new Contribution.Term(t.key(), t.label())).toList();
    Contribution withoutEnds = serde.deserializer().deserialize("t", java.util.Arrays.copyOf(now, now.length - ends));
    assertThat(withoutEnds.primarySubject()).isEqualTo("Computation and Language");
    assertThat(withoutEnds.terms()).isEqualTo(allEnd);
    byte[] before = java.util.Arrays.copyOf(now, now.length - ends - 4 - 4 - "Computation and Language".length());
    Contribution read = serde.deserializer().deserialize("t", before);
    assertThat(read.primarySubject()).isEmpty();
    assertThat(read.summary()).isNull();
    assertThat(read.terms()).isEqualTo(allEnd);
  }
}
