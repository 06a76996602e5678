package io.paperpulse.bench;

import io.paperpulse.bench.BurstPlan.BaseRate;
import io.paperpulse.bench.BurstPlan.Burst;
import io.paperpulse.bench.BurstPlan.Shape;
import io.paperpulse.streams.alerts.SpikeRule;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.SpikeDetector;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Other watch rules replayed on the run's own trends: every watched keyword's final trends (the
 * application emits each window with a paper, on each day that mentions it) held against a rule's
 * gates, through the application's {@link SpikeDetector}, as the trends processor decides. The
 * rule the run used must give back exactly the run's watched alerts, which the report checks.
 */
final class WatchReplay {
  /** Looser rules to try: minimum score and largest p-value, at least 3 papers, the day's and the week's windows. */
  private static final double[][] RULES = {{3.0, 1e-3}, {2.0, 1e-3}, {1.5, 1e-3}, {1.5, 1e-4}, {1.0, 1e-4}, {1.0, 1e-5}};

  private final BurstPlan plan;
  private final BurstRun run;
  private final List<Long> days;

  WatchReplay(BurstPlan plan, BurstRun run, List<Long> days) {
    this.plan = plan;
    this.run = run;
    this.days = days;
  }

  static SpikeRule rule(double minScore, double maxP) {
    return new SpikeRule(3, minScore, maxP, 0, Set.of(TrendWindow.P1D, TrendWindow.P7D));
  }

  /** The watched alerts, as {@code key|day}, that {@code rule} raises on the run's trends. */
  Set<String> alerts(SpikeRule rule) {
    Set<String> out = new HashSet<>();
    run.watchedTrends.forEach((key, evaluations) -> {
      Map<Long, Boolean> matches = new TreeMap<>();
      for (Evaluation e : evaluations) {
        matches.merge(e.endDay(), rule.matches(e), Boolean::logicalOr);
      }
      long active = SpikeDetector.NONE;
      for (Map.Entry<Long, Boolean> day : matches.entrySet()) {
        SpikeDetector.Decision decision = SpikeDetector.decide(active, day.getKey(), day.getValue(), true);
        active = decision.activeDay();
        if (decision.alert()) {
          out.add(key + "|" + day.getKey());
        }
      }
    });
    return out;
  }

  void append(StringBuilder out) {
    Set<String> actual = new HashSet<>();
    run.alerts.stream().filter(BurstRun.Alert::watched).forEach(a -> actual.add(a.key() + "|" + a.day()));
    boolean same = alerts(BurstRun.rule()).equals(actual);
    out.append("### Other watch rules, replayed\n\n")
        .append("The watched keywords' final trends of this run (every window with a paper, on each day that mentions the keyword) held "
            + "against other gates, through the application's spike detector. Replaying the rule of the run gives back its ")
        .append(actual.size()).append(" watched alerts ").append(same ? "exactly" : "**not exactly** (the replay is off)")
        .append(". At least 3 papers, the day's or the week's window; recall of the bursts of 10 or more papers (60 a base rate, ")
        .append("120 a shape), recall of the bursts of 5 papers, then false alerts per 1,000 watched keyword-days as above (alerts in brackets). The rules were chosen ")
        .append("after seeing this data, so their false-alert rates are a little optimistic.\n\n")
        .append("| score at least | p at most | never seen | ~1 a week | ~1 a day | ~3 a day | in one day | over a week | all, 10+ | 5 papers | real keywords | phrases before bursts |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    long first = days.get(0);
    long last = days.get(days.size() - 1);
    for (double[] r : RULES) {
      Set<String> alerts = alerts(rule(r[0], r[1]));
      out.append(String.format(Locale.ROOT, "| %.1f | %.0e |", r[0], r[1]));
      for (BaseRate base : BaseRate.values()) {
        out.append(String.format(Locale.ROOT, " %.2f |", recall(alerts, b -> b.size() >= 10 && b.base() == base)));
      }
      for (Shape shape : Shape.values()) {
        out.append(String.format(Locale.ROOT, " %.2f |", recall(alerts, b -> b.size() >= 10 && b.shape() == shape)));
      }
      out.append(String.format(Locale.ROOT, " **%.2f** | %.2f |", recall(alerts, b -> b.size() >= 10), recall(alerts, b -> b.size() == 5)));
      long real = alerts.stream().filter(a -> run.sample.containsKey(key(a)) && day(a) >= first && day(a) <= last).count();
      long before = plan.bursts.stream().mapToLong(b -> alerts.stream().filter(a -> key(a).equals(b.key()) && day(a) >= first && day(a) < b.start()).count()).sum();
      long beforeDays = plan.bursts.stream().mapToLong(b -> days.stream().filter(d -> d < b.start()).count()).sum();
      out.append(String.format(Locale.ROOT, " %.2f (%d) | %.2f (%d) |%n", 1000.0 * real / (run.sample.size() * (long) days.size()), real,
          1000.0 * before / beforeDays, before));
    }
    out.append('\n');
  }

  private double recall(Set<String> alerts, java.util.function.Predicate<Burst> which) {
    List<Burst> chosen = plan.bursts.stream().filter(which).toList();
    long hits = chosen.stream().filter(b -> alerts.stream().anyMatch(a -> key(a).equals(b.key()) && day(a) >= b.start() && day(a) <= b.end())).count();
    return (double) hits / chosen.size();
  }

  private static String key(String alert) {
    return alert.substring(0, alert.lastIndexOf('|'));
  }

  private static long day(String alert) {
    return Long.parseLong(alert.substring(alert.lastIndexOf('|') + 1));
  }
}
