package io.paperpulse.streams.analytics;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperLinks;
import io.paperpulse.avro.PaperSource;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.TestPapers;
import io.paperpulse.streams.alerts.AlertQueries;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywordtrends.KeywordQueries;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.subjectcounts.SubjectCountQueries;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The stores the keyword-trends and subject-counts topologies fill on the test driver, as partition
 * 0 of a one-partition app: 48 days of ordinary papers in two subjects, and a watched phrase
 * that spikes on day 45. Tests get it, or a query class over it, through {@link Fed}, and only
 * read it.
 */
public final class DriverStores implements PartitionStores, AutoCloseable {
  public static final Instant T0 = TestPapers.T0;
  public static final long DAY0 = LocalDate.of(2025, 3, 1).toEpochDay();
  public static final String PHRASE = "zorblax tensor sheaves";
  public static final String KEY = KeywordExtractor.keyOf(PHRASE);
  public static final Set<Integer> PARTITION = new TreeSet<>(Set.of(0));
  private static final String[] BACKGROUND = {
    "We study graph neural networks for molecular property prediction.",
    "A diffusion model generates images from text prompts.",
    "Reinforcement learning trains a quadruped robot to walk.",
    "We analyse the convergence of stochastic gradient descent.",
  };

  private final Random random = new Random(5);
  private final TopologyTestDriver trends;
  private final TopologyTestDriver subjects;
  private final List<KeywordTrend> written;
  private int ids;

  /** Feeds the papers and the watch through both topologies. */
  public DriverStores() {
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true);
    trends = new TopologyTestDriver(KeywordTrendsTopology.build(settings, TopicSerdes.plain(), new Counters()),
        TestPapers.driverConfig("queries-trends"));
    subjects = new TopologyTestDriver(SubjectCountsTopology.build(settings, TopicSerdes.plain(), new Counters()),
        TestPapers.driverConfig("queries-subjects"));
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
  }

  /**
   * Feeds one more ordinary paper of {@code day} (counted from {@link #DAY0}). For a test's own
   * instance only: the shared one of {@link Fed} is read by every test.
   */
  public void addPaper(int day) {
    paper(day, "");
  }

  /** As {@link #addPaper(int)}, with {@code text} added to its abstract. */
  public void addPaper(int day, String text) {
    paper(day, text);
  }

  /** The trends the keyword-trends topology wrote to {@code trends.keywords}. */
  public List<KeywordTrend> written() {
    return written;
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
    String subject = ids % 2 == 0 ? "Computer Vision" : "Machine Learning";
    EnrichedPaper enriched = new EnrichedPaper(paper, List.of(), List.of(new ScoredTopic(subject, 1.0, true)), "test");
    for (TopologyTestDriver driver : List.of(trends, subjects)) {
      TestInputTopic<String, EnrichedPaper> in = driver.createInputTopic(
          Topics.PAPERS_ENRICHED.name(), Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
      in.pipeInput(id, enriched, time);
    }
  }

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

  @Override
  public void close() {
    trends.close();
    subjects.close();
  }

  /**
   * Gives a test's parameters the fed stores, or a query class over them: one instance of the
   * stores for the whole run, fed on first use and closed by JUnit at the end.
   */
  public static final class Fed implements ParameterResolver {
    private static final Map<Class<?>, Function<PartitionStores, Object>> QUERIES = Map.of(
        SubjectCountQueries.class, SubjectCountQueries::new,
        KeywordQueries.class, KeywordQueries::new,
        AlertQueries.class, AlertQueries::new);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == DriverStores.class || QUERIES.containsKey(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      DriverStores stores = context.getRoot().getStore(ExtensionContext.Namespace.create(DriverStores.class))
          .getOrComputeIfAbsent(DriverStores.class, type -> new DriverStores(), DriverStores.class);
      Class<?> type = parameter.getParameter().getType();
      return type == DriverStores.class ? stores : QUERIES.get(type).apply(stores);
    }
  }
}
