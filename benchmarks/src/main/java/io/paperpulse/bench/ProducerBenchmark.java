package io.paperpulse.bench;

import io.paperpulse.avro.Paper;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.Progress;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.producer.publish.PublishSummary;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer beside its ceiling, in one run on one local broker: PaperPublisher sending Paper
 * objects (Avro serialization through the registry-aware serializer, idempotence, acks=all) versus a
 * raw KafkaProducer sending the same records already serialized, with the same settings. Rounds
 * alternate which goes first, on fresh topics, so machine noise hits both alike. Then the command
 * line's two paths from the archive's files, {@code publish} (file after file) beside {@code replay}
 * (merged by event time), in rounds the same way.
 *
 * <p>Usage: {@code ProducerBenchmark SHARED_DATA_DIR REPORT.md REPO_DIR [ROUNDS]}
 */
public final class ProducerBenchmark {
  private ProducerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path report = Path.of(args[1]);
    Path repo = Path.of(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    List<Paper> papers = Archive.papers(Archive.dailyListings(data));
    Path dir = Files.createTempDirectory("producer-bench");
    try (LocalStack stack = LocalStack.start(LocalStack.Settings.freePorts(dir, LocalStack.defaultRegistryDist(repo)), System.getenv())) {
      PaperPulseConfig config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      rates.put("PaperPublisher (Avro + registry serializer)", new ArrayList<>());
      rates.put("raw KafkaProducer, pre-serialized bytes", new ArrayList<>());
      List<byte[]> bytes = serialized(config, papers);
      // One untimed round of each first, so neither side pays for JIT warm-up in the figures.
      TopicSetup.ensureNames(config, List.of("bench-warmup-ours", "bench-warmup-raw"));
      ours(config, "bench-warmup-ours", papers);
      raw(config, "bench-warmup-raw", papers, bytes);
      for (int round = 0; round < rounds; round++) {
        boolean oursFirst = round % 2 == 0;
        for (int turn = 0; turn < 2; turn++) {
          String topic = "bench-" + round + "-" + turn;
          TopicSetup.ensureNames(config, List.of(topic));
          if ((turn == 0) == oursFirst) {
            rates.get("PaperPublisher (Avro + registry serializer)").add(ours(config, topic, papers));
          } else {
            rates.get("raw KafkaProducer, pre-serialized bytes").add(raw(config, topic, papers, bytes));
          }
        }
      }
      Map<String, List<Double>> fileRates = new LinkedHashMap<>();
      fileRates.put(PUBLISH, new ArrayList<>());
      fileRates.put(REPLAY, new ArrayList<>());
      List<Path> files = FeedReader.expand(List.of(Archive.dailyListings(data)));
      fromFiles(config, "bench-warmup-publish", files, false);
      fromFiles(config, "bench-warmup-replay", files, true);
      for (int round = 0; round < rounds; round++) {
        boolean publishFirst = round % 2 == 0;
        for (int turn = 0; turn < 2; turn++) {
          boolean replay = (turn == 0) != publishFirst;
          fileRates.get(replay ? REPLAY : PUBLISH).add(fromFiles(config, "bench-files-" + round + "-" + turn, files, replay));
        }
      }
      write(report, papers.size(), rounds, rates, files.size(), fileRates);
    } finally {
      // The broker's logs of a run are not kept.
      LocalStack.deleteTree(dir);
    }
  }

  private static final String PUBLISH = "`publish`: the files one after another, as they are read";
  private static final String REPLAY = "`replay`: the files merged by event time";

  /**
   * Records read from the files a second, every one published or counted, by {@code publish}'s path
   * or {@code replay}'s; the same job the command line runs, without its progress output.
   */
  private static double fromFiles(PaperPulseConfig config, String topic, List<Path> files, boolean replay) throws Exception {
    TopicSetup.ensureNames(config, List.of(topic));
    long start = System.nanoTime();
    PublishSummary summary;
    try (PaperPublisher publisher = PaperPublisher.create(config, topic, "bench-files")) {
      PublishJob job = new PublishJob(new FeedReader(ParseOptions.defaults()), publisher, System.err, Progress.none());
      summary = replay ? job.replay(files, PublishJob.ReplayOptions.fastest()) : job.publish(files);
    }
    if (!summary.complete() || summary.published() == 0) {
      throw new IllegalStateException(topic + ": " + summary);
    }
    return summary.read() / ((System.nanoTime() - start) / 1e9);
  }

  private static double ours(PaperPulseConfig config, String topic, List<Paper> papers) {
    long start = System.nanoTime();
    try (PaperPublisher publisher = PaperPublisher.create(config, topic, "bench-ours")) {
      for (Paper paper : papers) {
        publisher.send(paper, "bench");
      }
      publisher.flush();
      if (publisher.acknowledged() != papers.size()) {
        throw new IllegalStateException("only " + publisher.acknowledged() + " of " + papers.size() + " acknowledged");
      }
    }
    return papers.size() / ((System.nanoTime() - start) / 1e9);
  }

  /** The same records as our serializer writes them, so the raw producer sends identical bytes. */
  @SuppressWarnings("unchecked")
  private static List<byte[]> serialized(PaperPulseConfig config, List<Paper> papers) throws Exception {
    Map<String, Object> props = PaperPublisher.producerProperties(config, "bench-serializer");
    Serializer<Paper> serializer =
        (Serializer<Paper>) Class.forName((String) props.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)).getDeclaredConstructor().newInstance();
    serializer.configure(props, false);
    List<byte[]> bytes = new ArrayList<>(papers.size());
    for (Paper paper : papers) {
      bytes.add(serializer.serialize("bench-serialized", paper));
    }
    serializer.close();
    return bytes;
  }

  private static double raw(PaperPulseConfig config, String topic, List<Paper> papers, List<byte[]> bytes) throws Exception {
    Map<String, Object> props = new HashMap<>(PaperPublisher.producerProperties(config, "bench-raw"));
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.keySet().removeIf(k -> k.startsWith("apicurio."));
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < papers.size(); i++) {
        Paper paper = papers.get(i);
        producer.send(new ProducerRecord<>(topic, null, paper.getPublished().toEpochMilli(), paper.getId(), bytes.get(i)));
      }
      producer.flush();
    }
    return papers.size() / ((System.nanoTime() - start) / 1e9);
  }

  private static void write(
      Path report, int papers, int rounds, Map<String, List<Double>> rates, int files, Map<String, List<Double>> fileRates)
      throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("## Producer: PaperPulse's publish path beside a raw KafkaProducer\n\n");
    out.append("Machine: ").append(Report.machine()).append("; the broker and registry of the local stack on the same machine.\n\n");
    out.append("Reproduce: `./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec@producer`\n\n");
    out.append(String.format(Locale.ROOT, "%,d distinct papers of `../shared/data/arxiv-daily-cs`, parsed once before timing; "
        + "each round sends them all to a fresh 3-partition topic; after one untimed warm-up round each, %d rounds, alternating which side goes first. "
        + "Same settings on both sides: idempotence, acks=all, linger.ms=20, batch.size=256 KiB, gzip.%n%n", papers, rounds));
    out.append("| sender | papers/s per round | median |\n|---|---|---|\n");
    List<Double> m = rows(out, rates);
    out.append(String.format(Locale.ROOT, "%nRatio of the medians, PaperPulse / raw: **%.2f** (goal: at least 0.8).%n", m.get(0) / m.get(1)));
    out.append(String.format(Locale.ROOT, "%n### `replay` beside `publish`, from the files%n%n"
        + "The same %,d daily listing files (gzipped JSON lines), read, parsed and published by the command line's two paths, "
        + "each to a fresh 3-partition topic; one untimed round each, then %d rounds in the same run, alternating which goes first. "
        + "The rate counts every record read (each published, or counted as a duplicate within the run); "
        + "`replay` reads a day's file only when its day comes, so it holds at most about one file's papers.%n%n", files, rounds));
    out.append("| path | records/s per round | median |\n|---|---|---|\n");
    List<Double> fm = rows(out, fileRates);
    double ratio = fm.get(1) / fm.get(0);
    out.append(String.format(Locale.ROOT, "%nRatio of the medians, `replay` / `publish`: **%.2f** (goal: at least 0.7: %s).%n",
        ratio, ratio >= 0.7 ? "met" : "missed"));
    Report.section(report, "producer", out.toString());
  }

  /** A table row for each side (its rates per round and their median); the medians, in order. */
  private static List<Double> rows(StringBuilder out, Map<String, List<Double>> rates) {
    List<Double> medians = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
      double median = Report.median(e.getValue());
      medians.add(median);
      out.append("| ").append(e.getKey()).append(" | ")
          .append(String.join(", ", e.getValue().stream().map(Report::rate).toList()))
          .append(" | ").append(Report.rate(median)).append(" |\n");
    }
    return medians;
  }
}
