package io.paperpulse.bench;

import io.paperpulse.bench.BurstMisses.Miss;
import io.paperpulse.bench.BurstPlan.Burst;
import io.paperpulse.streams.alerts.SpikeRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The misses of each rule by cell (size, shape, base rate), with the gates that blocked them and
 * the median of their closest evaluations, for the report.
 */
final class BurstMissTable {
  private final BurstPlan plan;
  private final BurstRun run;

  BurstMissTable(BurstPlan plan, BurstRun run) {
    this.plan = plan;
    this.run = run;
  }

  void append(StringBuilder out) {
    out.append("### Why bursts are missed\n\n")
        .append("Each missed burst's evaluations on its days (the days that mention the phrase; its rule's windows), recomputed from the "
            + "injected counts as the application computes them; the closest one (fewest gates failed, then the highest score) names the "
            + "gates that blocked it. Last column: the window most of them are in, how many, and the medians of their count, score and p.\n\n")
        .append("| rule | papers | shape | base rate | missed | blocked by | closest: window (misses), count, score, p |\n|---|---|---|---|---|---|---|\n");
    table(out, BurstReport.Rule.WATCHED, BurstRun.rule());
    table(out, BurstReport.Rule.GLOBAL, SpikeRule.GLOBAL);
    out.append('\n');
    for (BurstReport.Rule rule : BurstReport.Rule.values()) {
      out.append(String.format(java.util.Locale.ROOT, "One-day bursts missed that the %s rule alerted on in the 6 days after: %d.%n",
          rule.name().toLowerCase(java.util.Locale.ROOT), late(rule)));
    }
    out.append('\n');
  }

  private void table(StringBuilder out, BurstReport.Rule which, SpikeRule rule) {
    String name = which.name().toLowerCase(java.util.Locale.ROOT);
    Map<String, List<Miss>> cells = new TreeMap<>();
    for (Burst b : plan.bursts) {
      if (!BurstReport.hit(run, b, which)) {
        String cell = String.format(Locale.ROOT, "%02d|%s|%s", b.size(), b.shape().ordinal(), b.base().ordinal());
        cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(BurstMisses.explain(plan, b, rule));
      }
    }
    for (List<Miss> misses : cells.values()) {
      Burst b = misses.get(0).burst();
      Map<String, Integer> gates = new LinkedHashMap<>();
      misses.forEach(m -> gates.merge(m.gateNames(), 1, Integer::sum));
      List<String> blocked = new ArrayList<>();
      gates.forEach((g, n) -> blocked.add(g + " (" + n + ")"));
      out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d of %d | %s | %s |%n", name, b.size(), b.shape().label, b.base().label,
          misses.size(), InjectedBursts.REPLICATES, String.join("; ", blocked), medians(misses)));
    }
  }

  /** Missed one-day bursts with an alert on their key in the six days after the burst. */
  private long late(BurstReport.Rule rule) {
    return plan.bursts.stream().filter(b -> b.shape() == BurstPlan.Shape.DAY && !BurstReport.hit(run, b, rule))
        .filter(b -> run.alerts.stream().anyMatch(a -> a.key().equals(rule.keyOf(b)) && a.day() > b.start() && a.day() <= b.start() + 6))
        .count();
  }

  /** The most common window of the closest evaluations, and the medians of those in it. */
  private static String medians(List<Miss> misses) {
    List<Miss> known = misses.stream().filter(m -> m.closest() != null).toList();
    if (known.isEmpty()) {
      return "";
    }
    Map<String, Integer> windows = new TreeMap<>();
    known.forEach(m -> windows.merge(m.closest().window().name(), 1, Integer::sum));
    String window = windows.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<Miss> in = known.stream().filter(m -> m.closest().window().name().equals(window)).toList();
    return String.format(Locale.ROOT, "%s (%d): %.0f, %.2f, %.1e", window, in.size(),
        Report.median(in.stream().map(m -> (double) m.closest().count()).toList()),
        Report.median(in.stream().map(m -> m.closest().score()).toList()),
        Report.median(in.stream().map(m -> m.closest().pValue()).toList()));
  }
}
