package io.paperpulse.streams;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole application in a test driver: names pinned, and live equals replay. */
class PaperPulseTopologyTest {
  private static Enricher enricher;

  @BeforeAll
  static void loadModel() {
    enricher = Enricher.bundled();
  }

  private static Topology topology(Counters counters) {
    return PaperPulseTopology.build(AnalyticsSettings.defaults().withInMemoryState(true), enricher, TopicSerdes.plain(), counters);
  }

  @Test
  void everySourceSinkProcessorStoreAndRepartitionKeepsItsName() {
    String description = topology(new Counters()).describe().toString();
    TreeSet<String> names = new TreeSet<>();
    Matcher node = Pattern.compile("(?:Source|Processor|Sink): ([\\w-]+)").matcher(description);
    while (node.find()) {
      names.add(node.group(1));
    }
    Matcher stores = Pattern.compile("stores: \\[([^\\]]*)\\]").matcher(description);
    while (stores.find()) {
      for (String store : stores.group(1).split(",\\s*")) {
        if (!store.isBlank()) {
          names.add("store:" + store);
        }
      }
    }

    // A rename here orphans a changelog or an internal topic: change it on purpose, with a reset.
    assertThat(names).containsExactlyInAnyOrder(
        "papers-source", "enrich", "enrich-failed", "enrich-ok", "dlq-original-bytes", "dlq-sink",
        "enriched-value", "enriched-sink", "analytics-contributions", "analytics-repartition-filter",
        "analytics-repartition-sink", "analytics-repartition-source", "topic-counts", "topic-counts-sink",
        "keyword-trends", "keyword-trends-only", "keyword-trends-cast", "keyword-trends-sink",
        "spike-alerts-only", "spike-alerts-cast", "spike-alerts-sink", "watchlist-source",
        "watchlist-source-source", "enrich-",
        "paper-ranker", "paper-ranker-input", "paper-ranker-papers", "paper-ranker-signals", "paper-ranking-merge",
        "paper-ranking-repartition-filter", "paper-ranking-repartition-sink", "paper-ranking-repartition-source",
        "paper-signals-repartition-filter", "paper-signals-repartition-sink", "paper-signals-repartition-source",
        "paper-signals-select", "enrich-relisted", "relisted-value", "analytics-relistings", "analytics-merge",
        "store:" + StoreNames.LISTINGS, "store:" + StoreNames.PAPER_WATERMARK, "store:" + StoreNames.OPEN_PAPERS,
        "open-papers-only", "open-papers-cast", "open-papers-sink", "open-papers-source", "open-papers-source-source",
        "paper-candidates-only", "paper-candidates-cast", "trending-papers-sink", "trending-papers-source", "trending-papers-source-source",
        "store:" + StoreNames.PAPER_SUMMARIES, "store:" + StoreNames.PAPER_KEYWORDS, "store:" + StoreNames.PAPER_RANKER_PROGRESS,
        "store:" + StoreNames.RANKING_ENTRIES, "store:" + StoreNames.RANKING_PROGRESS, "store:" + StoreNames.TRENDING_PAPERS,
        "store:" + StoreNames.SEEN_IDS, "store:" + StoreNames.RECENT_CANDIDATES, "store:" + StoreNames.SUBJECT_DAYS, "store:" + StoreNames.SUBJECT_PROGRESS,
        "store:" + StoreNames.KEYWORD_CLOSED_DAYS, "store:" + StoreNames.KEYWORD_DAYS, "store:" + StoreNames.KEYWORD_OPEN_PAPERS, "store:" + StoreNames.KEYWORD_DAY_TOTALS, "store:" + StoreNames.KEYWORD_SERIES,
        "store:" + StoreNames.KEYWORD_TITLES, "store:" + StoreNames.KEYWORD_SUBJECTS,
        "store:" + StoreNames.KEYWORD_PROGRESS, "store:" + StoreNames.SPIKE_STATE, "store:" + StoreNames.RECENT_ALERTS,
        "store:" + StoreNames.WATCHLIST, "store:" + StoreNames.SUBJECT_WATERMARK, "store:" + StoreNames.KEYWORD_WATERMARK);
  }

  /** Everything final the app wrote: subject counts, final keyword trends, alerts and paper rankings, as text. */
  private record Finals(Map<String, String> counts, Map<String, String> trends, List<String> alerts, Map<String, String> papers) {}

  private static Finals run(List<Paper> papers, boolean live) {
    Counters counters = new Counters();
    try (TopologyTestDriver driver = new TopologyTestDriver(topology(counters), TestPapers.driverConfig())) {
      TestInputTopic<String, byte[]> input =
          driver.createInputTopic(Topics.PAPERS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
      Serializer<Watch> watches = AvroSerdes.plain(Watch.class).serializer();
      driver.createInputTopic(Topics.WATCHLIST.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer())
          .pipeInput(KeywordExtractor.keyOf("Vision Transformer"),
              watches.serialize(Topics.WATCHLIST.name(), new Watch("Vision Transformer", 3, 1.2, 0.01, "t", null)));
      Serializer<Paper> bytes = AvroSerdes.plain(Paper.class).serializer();
      for (Paper paper : papers) {
        input.pipeInput(paper.getId(), bytes.serialize(Topics.PAPERS.name(), paper), paper.getPublished());
        if (live) {
          driver.advanceWallClockTime(Duration.ofMinutes(7)); // a live feed trickles in
        }
      }
      Map<String, String> counts = new TreeMap<>();
      driver.createOutputTopic(Topics.SUBJECT_COUNTS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TopicCount.class).deserializer())
          .readKeyValuesToList().forEach(kv -> counts.put(kv.key, kv.value.toString()));
      Map<String, String> trends = new TreeMap<>();
      driver.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer())
          .readValuesToList().stream().filter(KeywordTrend::getFinal$)
          .forEach(tr -> trends.put(tr.getKeyword() + "@" + tr.getWindow() + "@" + tr.getStart(), tr.toString()));
      List<String> alerts = driver.createOutputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer())
          .readValuesToList().stream().map(Object::toString).toList();
      Map<String, String> ranked = new TreeMap<>();
      driver.createOutputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TrendingPaper.class).deserializer())
          .readKeyValuesToList().forEach(kv -> ranked.put(kv.key, kv.value.toString()));
      return new Finals(counts, trends, alerts, ranked);
    }
  }

  /** Forty days of papers on a few themes, one of which bursts on day 30. */
  private static List<Paper> month() {
    String[][] themes = {
      {"cs.CL", "Instruction tuning for large language models", "We study instruction tuning of large language models and evaluate alignment."},
      {"cs.CV", "Vision transformer for segmentation", "A vision transformer improves semantic segmentation of street scenes."},
      {"cs.RO", "Legged robot locomotion", "A quadruped robot learns locomotion with reinforcement learning."},
      {"cs.LG", "Graph neural networks for molecules", "Graph neural networks predict molecular properties."}
    };
    Random random = new Random(42);
    List<Paper> papers = new ArrayList<>();
    int id = 0;
    for (int day = 0; day < 40; day++) {
      int count = 8 + random.nextInt(5);
      for (int i = 0; i < count; i++) {
        String[] theme = themes[day >= 30 && day < 32 && i % 4 != 3 ? 1 : random.nextInt(themes.length)];
        papers.add(paper(String.format("2503.%05d", id++))
            .title(theme[1]).text(theme[2]).categories(theme[0]).at(t(day + i / 100.0)).build());
      }
    }
    return papers;
  }

  @Test
  void replayingFastGivesExactlyWhatTheLiveRunGave() {
    List<Paper> papers = month();

    Finals live = run(papers, true);
    Finals replay = run(papers, false);

    assertThat(live.counts()).isNotEmpty();
    assertThat(live.trends()).isNotEmpty();
    assertThat(live.alerts()).isNotEmpty();
    assertThat(live.papers()).containsKey("P1D|2025-03-31|001");
    assertThat(live.papers().get("P1D|2025-03-31|001")).contains("\"keyword\": \"vision transformer\"");
    assertThat(replay).isEqualTo(live);
  }

  @Test
  void papersArrivingInAnotherOrderWithinADayGiveTheSameFinals() {
    List<Paper> papers = month();
    // As when partitions interleave differently: each day's papers in another order.
    List<Paper> shuffled = new ArrayList<>();
    Random random = new Random(7);
    for (int from = 0; from < papers.size(); ) {
      long day = Days.of(papers.get(from).getPublished());
      int to = from;
      while (to < papers.size() && Days.of(papers.get(to).getPublished()) == day) {
        to++;
      }
      List<Paper> sameDay = new ArrayList<>(papers.subList(from, to));
      java.util.Collections.shuffle(sameDay, random);
      shuffled.addAll(sameDay);
      from = to;
    }
    assertThat(shuffled).isNotEqualTo(papers);

    Finals inOrder = run(papers, false);
    Finals reordered = run(shuffled, false);

    assertThat(inOrder.alerts()).isNotEmpty();
    assertThat(inOrder.papers()).containsKey("P30D|2025-04-07|001");
    assertThat(reordered).isEqualTo(inOrder);
  }
}
