package io.paperpulse.streams;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsPartitioner;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.TopicStreams;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.enrichment.EnrichmentTopology;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.papers.PaperSummary;
import io.paperpulse.streams.papers.PapersTopology;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The whole application: enrichment, then subject counts and keyword trends side by side on the
 * {@code analytics} repartition topic, partitioned by keyword and by subject. Each enriched paper
 * crosses it as one compact {@link Contribution} a partition (the terms and subjects keyed there,
 * and its event time), never whole.
 */
public final class PaperPulseTopology {
  /** The repartition topic's name within the application id: {@code <id>-analytics-repartition}. */
  public static final String ANALYTICS_TOPIC_SUFFIX = "-analytics-repartition";

  private PaperPulseTopology() {}

  public static Topology build(AnalyticsSettings settings, Enricher enricher, TopicSerdes serdes, Counters counters) {
    return build(Stage.FULL, settings, enricher, serdes, counters);
  }

  /** How much of the application a topology holds: the steps of the throughput benchmark. */
  public enum Stage {
    /** {@code papers} to {@code papers.enriched}. */
    ENRICHMENT,
    /** Plus the analytics topic and the rolling subject counts. */
    SUBJECT_COUNTS,
    /** Plus keyword trends and spike alerts: the whole application. */
    FULL
  }

  public static Topology build(Stage stage, AnalyticsSettings settings, Enricher enricher, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, stage, settings, enricher, serdes, counters);
    return builder.build();
  }

  /** Adds the stages of {@code stage}; returns the trending papers' rankings, or null below {@link Stage#FULL}. */
  private static KStream<String, TrendingPaper> addTo(
      StreamsBuilder builder, Stage stage, AnalyticsSettings settings, Enricher enricher, TopicSerdes serdes, Counters counters) {
    EnrichmentTopology.Enriched enriched = EnrichmentTopology.addWithRelistings(builder, enricher, settings, serdes, counters);
    if (stage == Stage.ENRICHMENT) {
      return null;
    }
    KStream<String, Contribution> analytics =
        stage == Stage.FULL
            ? analyticsStream(enriched.papers(), enriched.relistings(), settings)
            : analyticsStream(enriched.papers(), settings, false);
    SubjectCountsTopology.addTo(builder, analytics, settings, serdes, counters);
    if (stage != Stage.FULL) {
      return null;
    }
    KStream<String, Object> judged = KeywordTrendsTopology.addTo(builder, analytics, settings, serdes, counters);
    return PapersTopology.addTo(builder, analytics, judged, settings, serdes);
  }

  /** {@code papers.enriched} as a source, for the topologies run on their own. */
  public static KStream<String, EnrichedPaper> enrichedSource(StreamsBuilder builder, TopicSerdes serdes) {
    return builder.stream(Topics.PAPERS_ENRICHED.name(), TopicStreams.consumed(Topics.PAPERS_ENRICHED, serdes, "enriched-source"));
  }

  /**
   * Each enriched paper as one {@link Contribution} to every partition of the {@code analytics}
   * topic, which has as many partitions as the settings say (those of {@code papers} by default).
   *
   * @param mentions whether to send the terms' mentions (the subject counts alone need none)
   */
  public static KStream<String, Contribution> analyticsStream(KStream<String, EnrichedPaper> enriched, AnalyticsSettings settings, boolean mentions) {
    int partitions = settings.effectiveAnalyticsPartitions();
    return enriched
        .process(() -> new Contributions(mentions, partitions), Named.as("analytics-contributions"))
        .repartition(analyticsTopic(partitions));
  }

  /**
   * The analytics stream with the trending papers' relistings: each goes to the one partition
   * that ranks its paper, where only the ranking reads it.
   */
  static KStream<String, Contribution> analyticsStream(
      KStream<String, EnrichedPaper> enriched, KStream<String, PaperSummary> relistings, AnalyticsSettings settings) {
    int partitions = settings.effectiveAnalyticsPartitions();
    return enriched
        .process(() -> new Contributions(true, partitions), Named.as("analytics-contributions"))
        .merge(relistings.process(() -> new Relistings(partitions), Named.as("analytics-relistings")), Named.as("analytics-merge"))
        .repartition(analyticsTopic(partitions));
  }

  private static Repartitioned<String, Contribution> analyticsTopic(int partitions) {
    return Repartitioned.<String, Contribution>as("analytics")
        .withKeySerde(Serdes.String())
        .withValueSerde(Contribution.serde())
        .withStreamPartitioner(new AnalyticsPartitioner())
        .withNumberOfPartitions(partitions);
  }

  /** A relisting as a contribution to the partition that ranks its paper. */
  private static final class Relistings implements Processor<String, PaperSummary, String, Contribution> {
    private final int partitions;
    private ProcessorContext<String, Contribution> context;

    Relistings(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, PaperSummary> record) {
      int source = context.recordMetadata().map(m -> m.partition()).orElse(0);
      PaperSummary s = record.value();
      int target = PaperSummary.partitionOf(s.paperId(), partitions);
      context.forward(record.withValue(new Contribution(source, target, s.paperId(), s.title(), List.of(), List.of(), s)));
    }
  }

  /** Splits a paper's terms and subjects by the partition their keys belong to. */
  private static final class Contributions implements Processor<String, EnrichedPaper, String, Contribution> {
    private final boolean mentions;
    private final int partitions;
    private ProcessorContext<String, Contribution> context;

    Contributions(boolean mentions, int partitions) {
      this.mentions = mentions;
      this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Contribution> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedPaper> record) {
      int source = context.recordMetadata().map(m -> m.partition()).orElse(0);
      for (Contribution c : contributions(record.value(), source, partitions, mentions)) {
        context.forward(record.withValue(c));
      }
    }
  }

  /**
   * What a paper of {@code source}, a partition of {@code papers}, gives each of the {@code
   * partitions} partitions of the {@code analytics} topic, in partition order.
   */
  static List<Contribution> contributions(EnrichedPaper enriched, int source, int partitions, boolean mentions) {
    List<List<Contribution.Term>> terms = new ArrayList<>();
    List<List<String>> subjects = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      terms.add(new ArrayList<>());
      subjects.add(new ArrayList<>());
    }
    List<String> keys = new ArrayList<>();
    if (mentions) {
      for (MentionTerms.Term term : MentionTerms.of(enriched.getPaper().getTitle(), enriched.getPaper().getAbstract$())) {
        terms.get(AnalyticsPartitioner.partitionOf(term.key(), partitions)).add(new Contribution.Term(term.key(), term.label(), term.ends()));
        keys.add(term.key());
      }
    }
    Set<String> paperSubjects = subjectsOf(enriched);
    for (String subject : paperSubjects) {
      subjects.get(AnalyticsPartitioner.partitionOf(Contribution.subjectKey(subject), partitions)).add(subject);
    }
    String id = enriched.getPaper().getId();
    // The trending-papers ranking, which needs the terms, runs only with them.
    int ranking = mentions ? PaperSummary.partitionOf(id, partitions) : -1;
    String primary = paperSubjects.isEmpty() ? "" : paperSubjects.iterator().next();
    List<Contribution> out = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      PaperSummary summary = p == ranking ? PaperSummary.of(enriched, List.copyOf(paperSubjects), keys) : null;
      out.add(new Contribution(source, p, id, enriched.getPaper().getTitle(), terms.get(p), subjects.get(p), summary, primary));
    }
    return out;
  }

  /** The subjects a paper counts under: those of its categories, else its best guessed one. */
  static Set<String> subjectsOf(EnrichedPaper paper) {
    Set<String> subjects = new LinkedHashSet<>();
    for (ScoredTopic scored : paper.getTopics()) {
      if (scored.getFromCategory() || subjects.isEmpty()) {
        subjects.add(scored.getTopic());
      }
    }
    return subjects;
  }
}
