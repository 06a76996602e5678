package io.paperpulse.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pipeline benchmark's sections of docs/benchmarks.md. */
final class PipelineReport {
  private PipelineReport() {}

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
  }

  static void month(Path report, BackfillRun.Backfill b, InOrderRun.Comparison c) throws IOException {
    StringBuilder out = new StringBuilder("## A month's replay against the in-order run\n\n");
    out.append("Machine: ").append(Report.machine()).append(".\n\n");
    out.append("Reproduce: `./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec@pipeline -Dbench.parts=month` (about 5 minutes).\n\n");
    out.append(String.format(Locale.ROOT, "`./paperpulse streams` (as the backfill below) reads `./paperpulse replay --from %s --to %s "
        + "../shared/data/arxiv-daily-cs/daily`: %,d records published in %.1f s, every topology caught up after %.1f s. "
        + "The records it read from `papers`, in timestamp order, then go one by one through the same topology on Kafka Streams' "
        + "TopologyTestDriver (one partition). Compared: %,d final subject-count windows, %,d final keyword trends, %,d alerts, "
        + "%,d places in the trending-papers rankings (`trends.papers`, every window and day). ",
        PipelineBenchmark.MONTH_FROM, PipelineBenchmark.MONTH_TO, b.published(), b.replaySeconds(), b.caughtUpSeconds(), c.subjectCounts(), c.finalTrends(), c.alerts(), c.trendingPapers()));
    out.append(c.differences().isEmpty() ? "The replay wrote **exactly the same** records.\n" : "The replay **differs**:\n\n");
    c.differences().forEach(d -> out.append("- ").append(d).append('\n'));
    Report.section(report, "month", out.toString());
  }

  static void backfill(Path report, BackfillRun.Backfill b, InOrderRun.Comparison c, int distinct) throws IOException {
    StringBuilder out = new StringBuilder("## Backfill: `./paperpulse replay` of the whole archive\n\n");
    out.append("Machine: ").append(Report.machine()).append("; broker, registry, streams app and replay all on it.\n\n");
    out.append("Reproduce: ").append(PipelineBenchmark.LADDER_COMMAND).append(".\n\n");
    out.append(String.format(Locale.ROOT, "`./paperpulse streams` (its defaults: one stream thread a core, exactly_once_v2; `-Xmx2g`, recording a "
        + "JFR profile) runs first; then `./paperpulse replay ../shared/data/arxiv-daily-cs/daily` publishes the archive (120,405 records, %,d "
        + "distinct papers) in event-time order, as fast as it can. Timed from the replay's start until the app has read everything on `papers` "
        + "and on its repartition topics (lag 0), without asking the app anything meanwhile.%n%n", distinct));
    out.append("| step | seconds |\n|---|---|\n");
    out.append(String.format(Locale.ROOT, "| replay publishes %,d papers | %.1f |%n", b.published(), b.replaySeconds()));
    out.append(String.format(Locale.ROOT, "| every topology caught up | **%.1f** |%n", b.caughtUpSeconds()));
    out.append(String.format(Locale.ROOT, "%nGoal: the backfill of the archive in at most 45 s: **%s** (%.0f papers/s end to end).%n%n",
        b.caughtUpSeconds() <= 45 ? "met" : "missed", b.published() / b.caughtUpSeconds()));
    out.append(String.format(Locale.ROOT, "Against a slow, in-order run (the same papers one by one, sorted by event time, on Kafka Streams' "
        + "TopologyTestDriver): %,d final subject-count windows, %,d final keyword trends, %,d alerts, %,d places in the trending-papers rankings. ",
        c.subjectCounts(), c.finalTrends(), c.alerts(), c.trendingPapers()));
    if (c.differences().isEmpty()) {
      out.append("The backfill wrote **exactly the same** records.\n");
    } else {
      out.append("The backfill **differs**:\n\n");
      c.differences().forEach(d -> out.append("- ").append(d).append('\n'));
    }
    Report.section(report, "backfill", out.toString());
  }

  static void memory(Path report, BackfillRun.Backfill b) throws IOException {
    StringBuilder out = new StringBuilder("## Memory of the streams app (during the backfill)\n\n");
    out.append("| measure | value |\n|---|---|\n");
    out.append("| peak heap in use (the JFR recording's heap summaries, taken at each garbage collection) | ").append(mib(b.peakHeap())).append(" of ").append(mib(b.heapMax())).append(" |\n");
    out.append("| peak resident set (VmHWM) | ").append(mib(b.peakRss())).append(" |\n");
    out.append("| state directory on disk after the backfill | ").append(mib(b.stateBytes())).append(" |\n");
    out.append(String.format(Locale.ROOT, "| metric series on `/metrics` | %,d |%n", b.metricSeries()));
    Report.section(report, "memory", out.toString());
  }

  static void profile(Path report, BackfillRun.Backfill b) throws IOException {
    StringBuilder out = new StringBuilder("## Where the streams app's time goes (JFR, during the backfill)\n\n");
    out.append(String.format(Locale.ROOT, "%,d CPU samples (JFR `profile` settings). By component, from the first frame of PaperPulse, Avro, "
        + "Apicurio, RocksDB or Kafka below the top of each stack (so JDK code they call counts as theirs):%n%n", b.samples()));
    out.append("| component | share of samples |\n|---|---|\n");
    b.components().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / b.samples())));
    out.append("\nHottest methods (self time):\n\n| method | share |\n|---|---|\n");
    b.hotMethods().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / b.samples())));
    Report.section(report, "profile", out.toString());
  }

  /** The ladder with each thread count side by side; each ratio against the passthrough with as many threads. */
  static void ladder(Path report, Map<Integer, Map<String, List<Double>>> byThreads, long papers) throws IOException {
    StringBuilder out = new StringBuilder("## Throughput ladder\n\n");
    out.append("Machine: ").append(Report.machine()).append("; the broker and registry on it too.\n\n");
    out.append("Reproduce: ").append(PipelineBenchmark.LADDER_COMMAND).append(".\n\n");
    out.append(String.format(Locale.ROOT, "Each stage reads the same %,d papers from `papers` (3 partitions) with a fresh application id: "
        + "exactly_once_v2, the default commit interval, RocksDB state; with %s stream threads. Timed from the group's first commit on "
        + "`papers` until its lag is 0 on every topic it reads (`papers` and its repartition topics), over the papers left at that "
        + "commit. Two rounds a thread count, the second in reverse "
        + "order; the median of the two; each ratio is to the passthrough with the same threads.%n%n", papers,
        String.join(" and then ", byThreads.keySet().stream().map(String::valueOf).toList())));
    StringBuilder header = new StringBuilder("| stage |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int threads : byThreads.keySet()) {
      String t = threads + (threads == 1 ? " thread" : " threads");
      header.append(" ").append(t).append(": papers/s per round | median | ratio |");
      rule.append("---|---|---|");
    }
    out.append(header).append('\n').append(rule).append('\n');
    for (String stage : byThreads.values().iterator().next().keySet()) {
      out.append("| ").append(stage).append(" |");
      for (Map<String, List<Double>> rates : byThreads.values()) {
        double median = Report.median(rates.get(stage));
        double passthrough = Report.median(rates.get(ThroughputLadder.Stage.PASSTHROUGH.label));
        out.append(String.format(Locale.ROOT, " %s | %s | %.2f |", String.join(", ", rates.get(stage).stream().map(Report::rate).toList()),
            Report.rate(median), median / passthrough));
      }
      out.append('\n');
    }
    out.append("\nGoal: the full application at least 0.25 × the passthrough with the same threads:");
    byThreads.forEach((threads, rates) -> {
      double ratio = Report.median(rates.get(ThroughputLadder.Stage.FULL.label)) / Report.median(rates.get(ThroughputLadder.Stage.PASSTHROUGH.label));
      out.append(String.format(Locale.ROOT, " %d %s **%s** (%.2f);", threads, threads == 1 ? "thread" : "threads", ratio >= 0.25 ? "met" : "missed", ratio));
    });
    out.setLength(out.length() - 1);
    out.append(".\n");
    Report.section(report, "ladder", out.toString());
  }

  static void latency(Path report, List<LatencyRun.Latency> levels, double fullRate) throws IOException {
    StringBuilder out = new StringBuilder("## End-to-end latency: publish to `papers.enriched`\n\n");
    out.append(String.format(Locale.ROOT, "The full application, caught up, then papers published at a steady rate for 15 s per level, "
        + "as a fraction of its highest sustainable rate (the ladder's median, %s papers/s). Latency is the time from the send "
        + "(the paper's `ingested`) to its arrival at a read-committed consumer of `papers.enriched`; exactly_once_v2 makes "
        + "results visible at each commit (every 100 ms). Every level sends papers of the day after the archive's last: "
        + "the first level's papers are the first of that day, so the day before closes while they are on their way "
        + "(its keyword trends judged on the threads that also enrich); the other levels follow within that day.%n%n", Report.rate(fullRate)));
    out.append("| load | papers/s | papers received | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    for (LatencyRun.Latency l : levels) {
      out.append(String.format(Locale.ROOT, "| %d%%%s | %s | %,d | %.0f | %.0f | %.0f |%n", l.percent(), l.newDay() ? ", the first of a day" : "",
          Report.rate(l.rate()), l.papers(), l.p50(), l.p99(), l.max()));
    }
    LatencyRun.Latency half = levels.stream().filter(l -> l.percent() == 50 && !l.newDay()).findFirst().orElseThrow();
    out.append(String.format(Locale.ROOT, "%nGoal: p99 at most 250 ms at 50%% load: **%s** (%.0f ms).%n", half.p99() <= 250 ? "met" : "missed", half.p99()));
    Report.section(report, "latency", out.toString());
  }
}
