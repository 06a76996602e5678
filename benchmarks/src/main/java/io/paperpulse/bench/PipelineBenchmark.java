package io.paperpulse.bench;

import io.paperpulse.avro.Paper;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline on one local broker, in one run, written into docs/benchmarks.md:
 *
 * <ol>
 *   <li>Backfill: {@code ./paperpulse streams} and {@code ./paperpulse replay} of the whole archive
 *       as real processes, timed until the app has caught up; its outputs are compared with an
 *       in-order run of the same papers (TopologyTestDriver); peak heap, peak RSS, state size and
 *       metric series of the app; a JFR profile of it.
 *   <li>The throughput ladder, on the papers the backfill published: passthrough, plus Avro, plus
 *       enrichment, plus windowed counts, the full application; with 1 and with 2 stream threads,
 *       two rounds each in opposite orders.
 *   <li>End-to-end latency, publish to {@code papers.enriched}, at 10%, 50% and 80% of the full
 *       application's rate.
 * </ol>
 *
 * <p>Usage: {@code PipelineBenchmark SHARED_DATA_DIR REPORT.md REPO_DIR [backfill,ladder]}
 */
public final class PipelineBenchmark {
  static final String LADDER_COMMAND =
      "`./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec@pipeline` (about an hour)";

  /** The month of the equivalence check: the archive's last whole month, its busiest. */
  static final String MONTH_FROM = "2026-06-01";
  static final String MONTH_TO = "2026-06-30";

  private PipelineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path report = Path.of(args[1]);
    Path repo = Path.of(args[2]).toAbsolutePath();
    // Optional: which parts to run, "backfill" and/or "ladder" (the ladder includes the latency),
    // "latency:RATE" (the latency alone, RATE the full application's papers/s from a ladder run), or
    // "month" alone (a month's replay compared with the in-order run).
    List<String> parts = args.length > 3 ? List.of(args[3].split(",")) : List.of("backfill", "ladder");
    Path daily = Archive.dailyListings(data);
    Path dir = Files.createTempDirectory("pipeline-bench");
    try (LocalStack stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(repo)), System.getenv())) {
      PaperPulseConfig config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
      if (parts.contains("month")) {
        // A month alone: its replay beside the in-order run, every output compared.
        BackfillRun.Backfill month = BackfillRun.run(repo, config, dir, daily.toString(), "--from", MONTH_FROM, "--to", MONTH_TO);
        PipelineReport.month(report, month, InOrderRun.compare(config, dir));
        return;
      }
      List<Paper> papers = Archive.papers(daily);
      // The backfill publishes the archive; the ladder then reads what it published.
      BackfillRun.Backfill backfill = BackfillRun.run(repo, config, dir, daily.toString());
      if (parts.contains("backfill")) {
        PipelineReport.memory(report, backfill);
        PipelineReport.profile(report, backfill);
        PipelineReport.backfill(report, backfill, InOrderRun.compare(config, dir), papers.size());
      }
      if (parts.contains("ladder")) {
        Map<Integer, Map<String, List<Double>>> ladder = new LinkedHashMap<>();
        for (int threads : new int[] {1, 2}) {
          ladder.put(threads, ThroughputLadder.rates(config, dir, threads));
        }
        PipelineReport.ladder(report, ladder, backfill.published());
        double fullRate = Report.median(ladder.get(1).get(ThroughputLadder.Stage.FULL.label));
        PipelineReport.latency(report, LatencyRun.run(config, papers, dir, fullRate), fullRate);
      }
      for (String part : parts) {
        if (part.startsWith("latency:")) {
          // The latency alone, at shares of a full-application rate measured before (papers/s).
          double fullRate = Double.parseDouble(part.substring("latency:".length()));
          PipelineReport.latency(report, LatencyRun.run(config, papers, dir, fullRate), fullRate);
        }
      }
    } finally {
      // A run writes tens of GB (broker logs, state): none of it is kept.
      LocalStack.deleteTree(dir);
    }
  }
}
