package io.paperpulse.streams;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.papers.PapersTopology;
import io.paperpulse.streams.papers.RankMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/**
 * The trending-papers ranking is the same on 1 and 3 analytics partitions, whatever the order in
 * which each partition gets the sources' papers and the other partitions' signals. Each partition
 * runs on its own driver; the test carries the signals to every partition and the candidates to
 * the merge, each sender's records in their order, senders interleaved at random.
 */
class TrendingPapersPartitionsTest {
  private static final String INPUT = "analytics-input";
  private static final String SIGNALS_OUT = "signals-out";
  private static final String SIGNALS_IN = "signals-in";
  private static final String CANDIDATES = "candidates";

  /**
   * Forty days of papers from three sources; "Flarebench" rises in the last ten, some papers have
   * upvotes, and one arrives four days late.
   */
  private static List<EnrichedPaper> papers() {
    String[] sentences = {
      "We train large language models with reinforcement learning.",
      "A diffusion model generates images from text prompts.",
      "Graph neural networks predict molecular properties.",
      "Federated learning protects the privacy of medical data.",
    };
    Random random = new Random(5);
    List<EnrichedPaper> papers = new ArrayList<>();
    for (int day = 0; day < 40; day++) {
      for (int i = 0; i < 12; i++) {
        String text = sentences[random.nextInt(sentences.length)] + " " + sentences[random.nextInt(sentences.length)]
            + (day >= 30 && i < 5 ? " We report results on Flarebench." : "");
        String id = String.format("2504.%03d%02d", day, i);
        TestPapers.Builder b = paper(id).title("Study " + id).text(text).categories("cs.LG").subjects("Machine Learning").at(t(day + 0.01 * i));
        EnrichedPaper p = b.enriched();
        if (i % 5 == 0) {
          p.getPaper().setUpvotes(random.nextInt(40));
        }
        papers.add(p);
      }
      if (day == 14) { // a paper of day 10, published now: late, as the keyword trends find it
        papers.add(paper("2504.99999").title("Late study").text("Graph neural networks predict molecular properties.")
            .categories("cs.LG").subjects("Machine Learning").at(t(10.5)).enriched());
      }
    }
    return papers;
  }

  private static int sourceOf(EnrichedPaper paper) {
    return Math.floorMod(paper.getPaper().getId().hashCode(), 3);
  }

  /** The lists merged in a random order, each list's own order kept. */
  private static <T> List<T> interleave(List<List<T>> lists, Random random) {
    int[] next = new int[lists.size()];
    int total = lists.stream().mapToInt(List::size).sum();
    List<T> out = new ArrayList<>();
    while (out.size() < total) {
      int s = random.nextInt(lists.size());
      for (int run = random.nextInt(30); run >= 0 && next[s] < lists.get(s).size(); run--) {
        out.add(lists.get(s).get(next[s]++));
      }
    }
    return out;
  }

  private record Timed<T>(String key, T value, long time) {}

  private static Map<String, String> ranking(List<EnrichedPaper> papers, int partitions, long seed) {
    AnalyticsSettings settings =
        AnalyticsSettings.defaults().withInMemoryState(true).withSourcePartitions(3).withAnalyticsPartitions(partitions);
    Random random = new Random(seed);
    List<TopologyTestDriver> drivers = new ArrayList<>();
    try {
      for (int p = 0; p < partitions; p++) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Contribution> in = builder.stream(INPUT, Consumed.with(Serdes.String(), Contribution.serde()));
        KStream<String, Object> judged = KeywordTrendsTopology.addTo(builder, in, settings, TopicSerdes.plain(), new Counters());
        PapersTopology.signals(judged).to(SIGNALS_OUT, Produced.with(Serdes.String(), RankMessage.serde()));
        KStream<String, RankMessage> signals = builder.stream(SIGNALS_IN, Consumed.with(Serdes.String(), RankMessage.serde()));
        PapersTopology.addRanker(builder, in, signals, settings, TopicSerdes.plain()).to(CANDIDATES, Produced.with(Serdes.String(), RankMessage.serde()));
        drivers.add(new TopologyTestDriver(builder.build(), TestPapers.driverConfig("ranking-" + partitions + "-" + p)));
      }
      List<List<EnrichedPaper>> sources = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      papers.forEach(paper -> sources.get(sourceOf(paper)).add(paper));
      List<List<Timed<RankMessage>>> signals = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        TestInputTopic<String, Contribution> input = drivers.get(p).createInputTopic(INPUT, Serdes.String().serializer(), Contribution.serde().serializer());
        for (EnrichedPaper paper : interleave(sources, random)) {
          Contribution c = PaperPulseTopology.contributions(paper, sourceOf(paper), partitions, true).get(p);
          input.pipeInput(paper.getPaper().getId(), c, paper.getPaper().getPublished());
        }
        signals.add(read(drivers.get(p), SIGNALS_OUT));
      }
      List<List<Timed<RankMessage>>> candidates = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        pipe(drivers.get(p), SIGNALS_IN, interleave(signals, random));
        candidates.add(read(drivers.get(p), CANDIDATES));
      }
      StreamsBuilder builder = new StreamsBuilder();
      PapersTopology.addMerge(builder, builder.stream(CANDIDATES, Consumed.with(Serdes.String(), RankMessage.serde())), settings, TopicSerdes.plain());
      TopologyTestDriver merge = new TopologyTestDriver(builder.build(), TestPapers.driverConfig("ranking-merge-" + partitions));
      drivers.add(merge);
      pipe(merge, CANDIDATES, interleave(candidates, random));
      Map<String, String> out = new TreeMap<>();
      merge.createOutputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TrendingPaper.class).deserializer())
          .readKeyValuesToList().forEach(kv -> out.put(kv.key, kv.value.toString()));
      return out;
    } finally {
      drivers.forEach(TopologyTestDriver::close);
    }
  }

  private static List<Timed<RankMessage>> read(TopologyTestDriver driver, String topic) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(), RankMessage.serde().deserializer())
        .readRecordsToList().stream().map(r -> new Timed<>(r.key(), r.value(), r.timestamp())).toList();
  }

  private static void pipe(TopologyTestDriver driver, String topic, List<Timed<RankMessage>> records) {
    TestInputTopic<String, RankMessage> input = driver.createInputTopic(topic, Serdes.String().serializer(), RankMessage.serde().serializer());
    records.forEach(r -> input.pipeInput(r.key(), r.value(), r.time()));
  }

  @Test
  void oneAndThreePartitionsGiveTheSameRankingInAnyArrivalOrder() {
    List<EnrichedPaper> papers = papers();

    Map<String, String> one = ranking(papers, 1, 1);
    Map<String, String> three = ranking(papers, 3, 2);
    Map<String, String> threeAgain = ranking(papers, 3, 3);

    assertThat(one).containsKey("P1D|2025-04-07|001").containsKey("P30D|2025-04-07|100");
    assertThat(one.values()).as("Flarebench trends and lifts its papers").anyMatch(v -> v.contains("\"keyword\": \"flarebench\"") && v.contains("\"rank\": 1,"));
    assertThat(one.values()).as("the late paper is ranked nowhere").noneMatch(v -> v.contains("2504.99999"));
    assertThat(three).isEqualTo(one);
    assertThat(threeAgain).isEqualTo(one);
  }
}
