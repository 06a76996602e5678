package io.paperpulse.bench;

import io.paperpulse.avro.Paper;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.enrichment.Enricher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Injected bursts (trends issue, section 5): invented phrases burst in real days of the archive, 3
 * to 40 extra papers in one day or over a week, after eight weeks at a base rate (never seen, about
 * one paper a week, one a day, three a day). Measures, on the whole application, the recall of the
 * watched rule (a watch on the phrase) and of the global rule (no watch), and their false alerts
 * per 1,000 keyword-days; writes the "Injected bursts" section of docs/trend-quality.md.
 *
 * <p>One run on the TopologyTestDriver ({@link BurstRun}): each phrase is watched, and its first two
 * words, a term with the very same counts, are not, so one run measures both rules on the same
 * bursts. Deterministic: a fixed seed, the archive's days.
 *
 * <p>Usage: {@code InjectedBursts SHARED_DATA_DIR REPORT.md}; without the data it says so and stops.
 */
public final class InjectedBursts {
  /** The real days: 26 weeks, to the end of the archive (2026-07-01). */
  static final LocalDate FIRST = LocalDate.parse("2026-01-05");
  static final LocalDate LAST = LocalDate.parse("2026-07-01");
  /** Phrases for each size, shape and base rate. */
  static final int REPLICATES = 10;
  static final long SEED = 10;

  private InjectedBursts() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path report = Path.of(args.length > 1 ? args[1] : "docs/trend-quality.md");
    if (!Files.isDirectory(data.resolve("arxiv-daily-cs/daily"))) {
      System.out.println("Injected bursts skipped: no arXiv listings at " + data.resolve("arxiv-daily-cs/daily") + " (../shared/data).");
      return;
    }
    long start = System.nanoTime();
    long first = FIRST.toEpochDay();
    long last = LAST.toEpochDay();
    List<Paper> papers = Archive.papers(Archive.dailyListings(data), FIRST, LAST).stream()
        .filter(p -> Days.of(p.getPublished()) >= first && Days.of(p.getPublished()) <= last).toList();
    BurstPlan plan = BurstPlan.build(papers, REPLICATES, SEED);
    System.out.printf(Locale.ROOT, "%,d real papers, %,d extra, %,d base-rate mentions, %d phrases; planned in %.0f s%n",
        papers.size(), plan.extraPapers, plan.baseMentions, plan.bursts.size(), (System.nanoTime() - start) / 1e9);
    Enricher enricher = Enricher.bundled();
    BurstRun run = BurstRun.run(plan, enricher, SEED);
    System.out.printf(Locale.ROOT, "run: %.0f s, %d alerts%n", run.seconds, run.alerts.size());
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN);
    Report.section(report, "bursts", new BurstReport(plan, run, papers.size()).markdown(seconds, cpu));
  }
}
