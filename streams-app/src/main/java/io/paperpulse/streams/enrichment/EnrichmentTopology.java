package io.paperpulse.streams.enrichment;

import io.paperpulse.common.TopicSerdes;
import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.util.Causes;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.RegistryUnavailableException;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.SortableKey;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.analytics.TopicStreams;
import io.paperpulse.streams.keywords.RecentFrequencies;
import io.paperpulse.streams.papers.PaperSummary;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code papers} to {@code papers.enriched}: each paper with its keywords and subjects, once per
 * paper id. Keywords are scored with an idf that also counts the papers of recent days ({@link
 * RecentFrequencies}); each task keeps its papers' candidate keywords in a store, so a restarted
 * task scores as the one before it would have. Records that cannot be read (wrong magic byte, unknown schema, truncated Avro, a key
 * that is not the paper's id) or enriched go to {@code papers.dlq} unchanged, with the reason and
 * their source topic, partition and offset in headers; the app keeps running. A registry that
 * cannot be reached is not the record's fault: the task fails and the record is read again.
 */
public final class EnrichmentTopology {
  /** How far a record's time may be ahead of the paper's ingestion, as the producer allows. */
  static final java.time.Duration MAX_AHEAD = java.time.Duration.ofDays(2);
  public static final String HEADER_REASON = "paperpulse.dlq.reason";
  public static final String HEADER_TOPIC = "paperpulse.dlq.topic";
  public static final String HEADER_PARTITION = "paperpulse.dlq.partition";
  public static final String HEADER_OFFSET = "paperpulse.dlq.offset";

  private EnrichmentTopology() {}

  static Topology build(Enricher enricher, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, enricher, AnalyticsSettings.defaults(), serdes, counters);
    return builder.build();
  }

  /**
   * Adds the enrichment to {@code builder} and returns the stream of enriched papers.
   *
   * @param settings where the store of enriched ids lives (RocksDB unless in-memory is asked for)
   */
  static KStream<String, EnrichedPaper> addTo(
      StreamsBuilder builder, Enricher enricher, AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    return addWithRelistings(builder, enricher, settings, serdes, counters).papers();
  }

  /**
   * The enrichment's output: each paper enriched once, and each later listing of it (another feed
   * or day), summarised for the trending papers.
   */
  public record Enriched(KStream<String, EnrichedPaper> papers, KStream<String, PaperSummary> relistings) {}

  /** Adds the enrichment to {@code builder}; returns the enriched papers and the relistings. */
  public static Enriched addWithRelistings(
      StreamsBuilder builder, Enricher enricher, AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    builder.addStateStore(settings.store(StoreNames.SEEN_IDS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.LISTINGS, Serdes.String(), Serdes.Long()));
    String[] stores = {StoreNames.SEEN_IDS, StoreNames.LISTINGS};
    if (settings.idfPartitions() > 0) {
      builder.addStateStore(settings.store(StoreNames.RECENT_CANDIDATES, Serdes.String(), Serdes.ByteArray()));
      stores = new String[] {StoreNames.SEEN_IDS, StoreNames.LISTINGS, StoreNames.RECENT_CANDIDATES};
    }
    Deserializer<Paper> papers = Topics.PAPERS.valueSerde(serdes).deserializer();
    int idfPartitions = settings.idfPartitions();
    Map<String, KStream<String, Outcome>> branches =
        builder.stream(Topics.PAPERS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("papers-source"))
            .process(() -> new EnrichProcessor(papers, enricher, counters, idfPartitions), Named.as("enrich"), stores)
            .split(Named.as("enrich-"))
            .branch((key, outcome) -> outcome.relisted() != null, Branched.as("relisted"))
            .branch((key, outcome) -> outcome.enriched() == null, Branched.as("failed"))
            .defaultBranch(Branched.as("ok"));
    branches
        .get("enrich-failed")
        .mapValues(Outcome::raw, Named.as("dlq-original-bytes"))
        .to(Topics.PAPERS_DLQ.name(), TopicStreams.produced(Topics.PAPERS_DLQ, serdes, "dlq-sink"));
    KStream<String, EnrichedPaper> enriched =
        branches.get("enrich-ok").mapValues(Outcome::enriched, Named.as("enriched-value"));
    enriched.to(
        Topics.PAPERS_ENRICHED.name(),
        TopicStreams.produced(Topics.PAPERS_ENRICHED, serdes, "enriched-sink"));
    return new Enriched(enriched, branches.get("enrich-relisted").mapValues(Outcome::relisted, Named.as("relisted-value")));
  }

  /**
   * An enriched paper, or the original bytes of a record that goes to the dead-letter topic, or a
   * later listing of a paper already enriched.
   */
  record Outcome(EnrichedPaper enriched, byte[] raw, PaperSummary relisted) {
    Outcome(EnrichedPaper enriched, byte[] raw) {
      this(enriched, raw, null);
    }
  }

  private static final class EnrichProcessor implements Processor<String, byte[], String, Outcome> {
    /** Key of a paper in the recent-candidates store: its day, then its id, so keys sort by day. */
    private static final SortableKey CANDIDATE_KEY = new SortableKey(8, '/');

    private final Deserializer<Paper> papers;
    private final Enricher enricher;
    private final Counters counters;
    private final int idfPartitions;
    private ProcessorContext<String, Outcome> context;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, Long> listings;
    private KeyValueStore<String, byte[]> candidateStore;
    /** By partition of {@code papers}: normally only this task's own. */
    private final Map<Integer, RecentFrequencies> recent = new HashMap<>();
    private long oldestStored;

    EnrichProcessor(Deserializer<Paper> papers, Enricher enricher, Counters counters, int idfPartitions) {
      this.papers = papers;
      this.enricher = enricher;
      this.counters = counters;
      this.idfPartitions = idfPartitions;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
      this.context = context;
      this.seen = context.getStateStore(StoreNames.SEEN_IDS);
      this.listings = context.getStateStore(StoreNames.LISTINGS);
      if (idfPartitions == 0) {
        return;
      }
      this.candidateStore = context.getStateStore(StoreNames.RECENT_CANDIDATES);
      try (KeyValueIterator<String, byte[]> stored = candidateStore.all()) {
        while (stored.hasNext()) {
          KeyValue<String, byte[]> entry = stored.next();
          recentFor(CANDIDATE_KEY.restOf(entry.key)).add(CANDIDATE_KEY.numberOf(entry.key), hashes(entry.value));
        }
      }
      this.oldestStored = oldestKept();
    }

    /** The recent statistics of the partition Kafka's default partitioner gives the paper id. */
    private RecentFrequencies recentFor(String id) {
      int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % idfPartitions;
      return recent.computeIfAbsent(partition, p -> new RecentFrequencies(enricher.frequencies()));
    }

    private long oldestKept() {
      return recent.values().stream().mapToLong(RecentFrequencies::oldestKept).min().orElse(Long.MIN_VALUE);
    }


    private static long[] hashes(byte[] bytes) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long[] hashes = new long[bytes.length / Long.BYTES];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = buffer.getLong();
      }
      return hashes;
    }

    private static byte[] bytes(long[] hashes) {
      ByteBuffer buffer = ByteBuffer.allocate(hashes.length * Long.BYTES);
      for (long hash : hashes) {
        buffer.putLong(hash);
      }
      return buffer.array();
    }

    /** Counts the paper into the recent statistics, in memory and in the store. */
    private void remember(long day, String id, long[] hashes) {
      recentFor(id).add(day, hashes);
      candidateStore.put(CANDIDATE_KEY.of(day, id), bytes(hashes));
      long oldest = oldestKept();
      if (oldest > oldestStored && oldestStored != Long.MIN_VALUE) {
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> old =
            candidateStore.range(CANDIDATE_KEY.of(oldestStored, ""), CANDIDATE_KEY.of(oldest, ""))) {
          old.forEachRemaining(entry -> forgotten.add(entry.key));
        }
        forgotten.forEach(candidateStore::delete);
      }
      oldestStored = oldest;
    }

    @Override
    public void process(Record<String, byte[]> record) {
      counters.consumed.incrementAndGet();
      Paper paper;
      try {
        paper = papers.deserialize(Topics.PAPERS.name(), record.headers(), record.value());
      } catch (RuntimeException e) {
        if (RegistryUnavailableException.isCause(e)) {
          // Not the record's fault: fail the task so the record is read again once the registry is back.
          throw new RegistryUnavailableException(describe(e), e);
        }
        deadLetter(record, "cannot deserialize the value: " + describe(e));
        return;
      }
      if (paper == null) {
        deadLetter(record, "the value is null");
        return;
      }
      if (record.key() == null || !record.key().equals(paper.getId())) {
        deadLetter(record, "the key '" + record.key() + "' is not the paper id '" + paper.getId() + "'");
        return;
      }
      if (record.timestamp() > paper.getIngested().toEpochMilli() + MAX_AHEAD.toMillis()) {
        // The producer refuses such papers too: one of them would move the event time of its
        // partition far ahead and make every later paper late.
        deadLetter(record, "the record's time " + java.time.Instant.ofEpochMilli(record.timestamp())
            + " is more than 2 days after the paper was ingested (" + paper.getIngested() + ")");
        return;
      }
      Long first = seen.get(paper.getId());
      String listing = listingKey(paper, record.timestamp());
      if (first != null) {
        duplicate(record, paper, first, listing);
        return;
      }
      EnrichedPaper enriched;
      long day = Days.of(record.timestamp());
      LongStream.Builder candidates = LongStream.builder();
      try {
        enriched =
            idfPartitions == 0
                ? enricher.enrich(paper)
                : enricher.enrich(paper, recentFor(paper.getId()).at(day), candidates);
      } catch (RuntimeException e) {
        deadLetter(record, "enrichment failed: " + describe(e));
        return;
      }
      if (idfPartitions > 0) {
        remember(day, paper.getId(), candidates.build().toArray());
      }
      seen.put(paper.getId(), record.timestamp());
      listings.put(listing, record.timestamp());
      counters.enriched.incrementAndGet();
      counters.enrichmentLatency.accept(System.currentTimeMillis() - paper.getIngested().toEpochMilli());
      context.forward(record.withValue(new Outcome(enriched, null)));
    }

    /** A paper enriched before: a new listing of it (another feed or day) counts for the trending papers. */
    private void duplicate(Record<String, byte[]> record, Paper paper, long first, String listing) {
      counters.duplicates.incrementAndGet();
      if (listings.get(listing) == null) {
        listings.put(listing, record.timestamp());
        context.forward(record.withValue(new Outcome(null, null, PaperSummary.relisting(paper, Days.of(first)))));
      }
    }

    /** A listing of a paper: its id, the kind of feed, and the day listed (else its event day). */
    private static String listingKey(Paper paper, long timestamp) {
      long day = paper.getListingDate() != null ? paper.getListingDate().toEpochDay() : Days.of(timestamp);
      return paper.getId() + "|" + paper.getSource() + "|" + day;
    }

    private void deadLetter(Record<String, byte[]> record, String reason) {
      Headers headers = new RecordHeaders(record.headers().toArray());
      headers.add(HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
      RecordMetadata meta = context.recordMetadata().orElse(null);
      if (meta != null) {
        headers.add(HEADER_TOPIC, meta.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_PARTITION, String.valueOf(meta.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_OFFSET, String.valueOf(meta.offset()).getBytes(StandardCharsets.UTF_8));
      }
      counters.deadLettered.incrementAndGet();
      context.forward(new Record<>(record.key(), new Outcome(null, record.value()), record.timestamp(), headers));
    }

    private static String describe(Throwable e) {
      return Causes.describe(e);
    }
  }
}
