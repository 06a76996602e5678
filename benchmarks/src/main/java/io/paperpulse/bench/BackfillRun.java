package io.paperpulse.bench;

import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.stack.GroupLag;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;

/**
 * A backfill as a user runs one: {@code ./paperpulse streams} and {@code ./paperpulse replay} as
 * real processes on one broker, timed until the app has read everything; then the app's peak heap,
 * peak resident set, state on disk and metric series, and its JFR profile by component and method.
 */
final class BackfillRun {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BackfillRun() {}

  record Backfill(long published, double replaySeconds, double caughtUpSeconds, long peakHeap, long heapMax, long peakRss,
      long stateBytes, long metricSeries, Map<String, Long> components, Map<String, Long> hotMethods, long samples) {}

  /** Times {@code replay replayArgs} into a fresh {@code streams} process until it has caught up. */
  static Backfill run(Path repo, PaperPulseConfig config, Path dir, String... replayArgs) throws Exception {
    int port = io.paperpulse.stack.Ports.free();
    Path state = dir.resolve("backfill-state");
    Path jfr = dir.resolve("backfill.jfr");
    long heapMax = 2L << 30;
    Map<String, String> env = new HashMap<>();
    env.put("PAPERPULSE_BOOTSTRAP_SERVERS", config.bootstrapServers());
    env.put("PAPERPULSE_REGISTRY_URL", config.registryUrl());
    env.put("PAPERPULSE_SKIP_BUILD", "1");
    Map<String, String> appEnv = new HashMap<>(env);
    appEnv.put("PAPERPULSE_JAVA_OPTS", "-Xmx2g -XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    Process app = start(repo, appEnv, dir.resolve("backfill-streams.log"),
        "streams", "--application-id", "backfill", "--state-dir", state.toString(), "--http-port", String.valueOf(port));
    String metrics = "http://localhost:" + port + "/metrics";
    awaitLog(dir.resolve("backfill-streams.log"), "Streams app running", app);

    long start = System.nanoTime();
    List<String> replayCommand = new ArrayList<>(List.of("replay"));
    replayCommand.addAll(List.of(replayArgs));
    Process replay = start(repo, env, dir.resolve("backfill-replay.log"), replayCommand.toArray(String[]::new));
    double replaySeconds = -1;
    try (Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      // Caught up: nothing left to read on papers nor on any repartition topic (the analytics, the
      // paper-ranking merge). The app is not asked for anything meanwhile: a /metrics scrape
      // computes the trending gauges, which costs CPU of its own.
      while (true) {
        if (replaySeconds < 0 && !replay.isAlive()) {
          replaySeconds = (System.nanoTime() - start) / 1e9;
          if (replay.exitValue() != 0 && replay.exitValue() != 1) { // 1: some records rejected, each reported
            throw new IllegalStateException("the replay failed: " + Files.readString(dir.resolve("backfill-replay.log")));
          }
        }
        if (replaySeconds >= 0 && TopicReads.lag(admin, "backfill", Topics.PAPERS.name()) == 0) {
          break;
        }
        if ((System.nanoTime() - start) > TimeUnit.MINUTES.toNanos(20)) {
          throw new IllegalStateException("the backfill did not catch up in 20 minutes: it reads " + TopicReads.inputsOf(admin, "backfill")
              + ", lag " + TopicReads.lag(admin, "backfill", Topics.PAPERS.name()));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
      }
    }
    double caughtUp = (System.nanoTime() - start) / 1e9;
    long peakRss = peakRss(app.pid());
    long series = HTTP.send(HttpRequest.newBuilder(URI.create(metrics)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    long stateBytes = size(state);
    app.toHandle().destroy(); // SIGTERM: the app closes and the JVM writes the recording
    app.waitFor(2, TimeUnit.MINUTES);
    long published = TopicReads.endOffsets(config, Topics.PAPERS.name());
    Map<String, Long> components = new LinkedHashMap<>();
    Map<String, Long> methods = new HashMap<>();
    long samples = profile(jfr, components, methods);
    return new Backfill(published, replaySeconds, caughtUp, peakHeap(jfr), heapMax, peakRss, stateBytes, series, components, methods, samples);
  }

  private static Process start(Path repo, Map<String, String> env, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(repo.resolve("paperpulse").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitLog(Path log, String text, Process process) throws Exception {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      if (!process.isAlive() || System.nanoTime() > end) {
        throw new IllegalStateException("no '" + text + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  /** The most heap in use the recording saw: before any garbage collection, from its heap summaries. */
  private static long peakHeap(Path jfr) throws IOException {
    long peak = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (event.getEventType().getName().equals("jdk.GCHeapSummary")) {
        peak = Math.max(peak, event.getLong("heapUsed"));
      }
    }
    return peak;
  }

  /** The process's peak resident set (VmHWM), in bytes. */
  private static long peakRss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }


  /** CPU samples of the recording by component (the top frame's package) and by method. */
  private static long profile(Path jfr, Map<String, Long> components, Map<String, Long> methods) throws IOException {
    String[][] buckets = {
      {"io.paperpulse.streams.keywords", "keyword extraction"},
      {"io.paperpulse.streams.subjects", "subject classification"},
      {"io.paperpulse", "PaperPulse analytics and the rest of its code"},
      {"org.apache.avro", "Avro"},
      {"io.apicurio", "Apicurio serde"},
      {"org.rocksdb", "RocksDB"},
      {"org.apache.kafka", "Kafka clients and Streams"},
      {"java.util.zip", "gzip"},
      {"java.util.regex", "regular expressions"},
      {"sun.nio", "network I/O"},
      {"", "JDK and other"}
    };
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
          || event.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      samples++;
      RecordedFrame top = event.getStackTrace().getFrames().get(0);
      String type = top.getMethod().getType().getName();
      methods.merge(type + "." + top.getMethod().getName(), 1L, Long::sum);
      // By component: the first PaperPulse, Avro, RocksDB ... frame from the top, so JDK code
      // called by the extractor counts as the extractor's.
      String component = null;
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        String frameType = frame.getMethod().getType().getName();
        for (String[] bucket : buckets) {
          if (!bucket[0].isEmpty() && !bucket[0].startsWith("java") && !bucket[0].startsWith("sun") && frameType.startsWith(bucket[0])) {
            component = bucket[1];
            break;
          }
        }
        if (component != null) {
          break;
        }
      }
      if (component == null) {
        for (String[] bucket : buckets) {
          if (type.startsWith(bucket[0])) {
            component = bucket[1];
            break;
          }
        }
      }
      components.merge(component, 1L, Long::sum);
    }
    return samples;
  }
}
