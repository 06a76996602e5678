package io.paperpulse.bench;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.keywords.MentionTerms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The terms the keyword trends flagged as emerging over the whole archive: every final weekly
 * trend on {@code trends.keywords} with {@code emerging} set, each keyword at the first day it was
 * flagged, by week, for a person to judge.
 *
 * <p>Run after {@code ./paperpulse up} and a replay of the archive have caught up: {@code java -cp
 * ... io.paperpulse.bench.EmergingTerms OUT} (the local stack's broker and registry by default).
 */
public final class EmergingTerms {
  private EmergingTerms() {}

  /** A keyword's first emerging week. */
  record Flagged(String key, String label, LocalDate day, long count, double score, boolean listable) {}

  public static void main(String[] args) throws Exception {
    PaperPulseConfig config = PaperPulseConfig.defaults();
    Map<String, Flagged> first = new HashMap<>();
    long[] finals = new long[1];
    readAll(config, trend -> {
      finals[0]++;
      if (!trend.getFinal$() || !trend.getEmerging() || !trend.getWindow().equals("P7D")) {
        return;
      }
      LocalDate day = LocalDate.ofInstant(trend.getStart(), ZoneOffset.UTC).plusDays(6);
      Flagged f = new Flagged(trend.getKeyword(), trend.getLabel(), day, trend.getCount(), trend.getScore(),
          MentionTerms.listable(trend.getKeyword(), trend.getLabel()) && !trend.getFragment());
      first.merge(f.key(), f, (a, b) -> a.day().isAfter(b.day()) ? b : a);
    });
    String report = report(new ArrayList<>(first.values()), finals[0]);
    Files.writeString(Path.of(args[0]), report);
    System.out.print(report);
  }

  static String report(List<Flagged> flagged, long finals) {
    List<Flagged> listable = flagged.stream().filter(Flagged::listable).toList();
    StringBuilder out = new StringBuilder("## Emerging terms\n\n");
    out.append(String.format(Locale.ROOT,
        "%,d final trends read from `trends.keywords`; %,d keywords flagged emerging in a week, %,d of them listable "
            + "(the others never reach a list: generic words, fragments).%n%n", finals, flagged.size(), listable.size()));
    Map<LocalDate, List<Flagged>> byWeek = new TreeMap<>();
    for (Flagged f : listable) {
      LocalDate monday = f.day().minusDays(f.day().getDayOfWeek().getValue() - 1);
      byWeek.computeIfAbsent(monday, d -> new ArrayList<>()).add(f);
    }
    out.append("| week of | listable emerging terms | strongest (papers in the week) |\n|---|---|---|\n");
    byWeek.forEach((week, terms) -> {
      terms.sort(Comparator.comparingLong(Flagged::count).reversed().thenComparing(Flagged::key));
      List<String> top = terms.stream().limit(6).map(f -> f.label() + " (" + f.count() + ")").toList();
      out.append("| ").append(week).append(" | ").append(terms.size()).append(" | ").append(String.join(", ", top)).append(" |\n");
    });
    List<Flagged> strongest = new ArrayList<>(listable);
    strongest.sort(Comparator.comparingLong(Flagged::count).reversed().thenComparing(Flagged::day).thenComparing(Flagged::key));
    out.append("\n### The 50 with the most papers in their first emerging week\n\n| first flagged | term | papers | score |\n|---|---|---|---|\n");
    for (Flagged f : strongest.subList(0, Math.min(50, strongest.size()))) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f |%n", f.day(), f.label(), f.count(), f.score()));
    }
    return out.toString();
  }

  interface Sink {
    void accept(KeywordTrend trend);
  }

  /** Every committed record of {@code trends.keywords}, from the beginning to the current end. */
  private static void readAll(PaperPulseConfig config, Sink sink) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, KeywordTrend> consumer = new KafkaConsumer<>(
        props, new StringDeserializer(), TopicSerdes.registry(config).value(KeywordTrend.class).deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.KEYWORD_TRENDS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("trends.keywords not read to its end in 10 minutes");
        }
        for (ConsumerRecord<String, KeywordTrend> record : consumer.poll(Duration.ofSeconds(1))) {
          sink.accept(record.value());
        }
      }
    }
  }
}
