package io.paperpulse.it;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.papers.PapersTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month of the real archive (April 2025 of {@code ../shared/data/arxiv-daily-cs/daily}; skipped
 * when absent) ranks the same replayed with each day's papers shuffled as in file order. Papers
 * are enriched once, then run through the analytics and the ranking. It reads the archive with
 * the producer's parser, which is why it lives here and not beside the ranking in streams-app.
 */
class TrendingPapersArchiveTest {
  private static final Path DAILY = Path.of(System.getProperty("paperpulse.repo", "..")).resolve("../shared/data/arxiv-daily-cs/daily");

  @TempDir static Path state;

  private static List<Path> april() throws Exception {
    try (Stream<Path> files = Files.list(DAILY)) {
      return files.filter(p -> p.getFileName().toString().startsWith("2025-04-")).sorted().toList();
    }
  }

  /** A driver's settings: its own application id and state directory, no record cache. */
  private static Properties driverConfig(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve(applicationId).toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return props;
  }

  private static Map<String, String> ranking(List<EnrichedPaper> papers, String id) {
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true);
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Contribution> analytics =
        PaperPulseTopology.analyticsStream(PaperPulseTopology.enrichedSource(builder, TopicSerdes.plain()), settings, true);
    KStream<String, Object> judged = KeywordTrendsTopology.addTo(builder, analytics, settings, TopicSerdes.plain(), new Counters());
    PapersTopology.addTo(builder, analytics, judged, settings, TopicSerdes.plain());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), driverConfig(id))) {
      TestInputTopic<String, EnrichedPaper> input = driver.createInputTopic(
          Topics.PAPERS_ENRICHED.name(), Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
      papers.forEach(p -> input.pipeInput(p.getPaper().getId(), p, p.getPaper().getPublished()));
      Map<String, String> out = new TreeMap<>();
      driver.createOutputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TrendingPaper.class).deserializer())
          .readKeyValuesToList().forEach(kv -> out.put(kv.key, kv.value.toString()));
      return out;
    }
  }

  /** Each day's papers in another order, days in order. */
  private static List<EnrichedPaper> shuffledWithinDays(List<EnrichedPaper> papers, Random random) {
    List<EnrichedPaper> out = new ArrayList<>();
    for (int from = 0; from < papers.size(); ) {
      long day = Days.of(papers.get(from).getPaper().getPublished());
      int to = from;
      while (to < papers.size() && Days.of(papers.get(to).getPaper().getPublished()) == day) {
        to++;
      }
      List<EnrichedPaper> sameDay = new ArrayList<>(papers.subList(from, to));
      Collections.shuffle(sameDay, random);
      out.addAll(sameDay);
      from = to;
    }
    return out;
  }

  @Test
  void aMonthOfTheArchiveRanksTheSameShuffledAsInOrder() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DAILY), "no archive at " + DAILY.toAbsolutePath().normalize());
    List<Path> files = april();
    Assumptions.assumeFalse(files.isEmpty(), "no April 2025 in " + DAILY);
    Enricher enricher = Enricher.bundled();
    Set<String> seen = new HashSet<>();
    List<EnrichedPaper> papers = new ArrayList<>();
    for (Paper paper : Feeds.parse(files, ParseOptions.defaults())) {
      if (seen.add(paper.getId())) { // as the enrichment lets each id through once
        papers.add(enricher.enrich(paper));
      }
    }
    papers.sort(java.util.Comparator.comparing(p -> p.getPaper().getPublished()));
    List<EnrichedPaper> shuffled = shuffledWithinDays(papers, new Random(11));
    assertThat(shuffled).isNotEqualTo(papers);

    Map<String, String> inOrder = ranking(papers, "archive-in-order");
    Map<String, String> reordered = ranking(shuffled, "archive-shuffled");

    assertThat(inOrder.keySet()).anyMatch(k -> k.startsWith("P1D|2025-04-")).anyMatch(k -> k.startsWith("P30D|2025-04-"));
    assertThat(inOrder.values()).as("some paper trends by its keywords").anyMatch(v -> !v.contains("\"keywords\": []"));
    assertThat(reordered).isEqualTo(inOrder);
  }
}
