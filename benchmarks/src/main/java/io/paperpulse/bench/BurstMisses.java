package io.paperpulse.bench;

import io.paperpulse.bench.BurstPlan.Burst;
import io.paperpulse.streams.alerts.SpikeRule;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a burst raised no alert: its evaluations on the days of the burst, recomputed from the
 * plan's counts exactly as the application computes them ({@link Evaluation#of}), held against each
 * gate of the rule. The closest evaluation (fewest gates failed, then the highest score) names the
 * gates that blocked it; a burst whose rule was met on some day but raised nothing was held back
 * by the spike detector (a spike under way, from an alert in the seven days before).
 */
final class BurstMisses {
  /** The closest evaluation of a missed burst and the gates it failed (empty: the rule was met). */
  record Miss(Burst burst, Evaluation closest, List<String> gates) {
    String gateNames() {
      return gates.isEmpty() ? "rule met, but a spike was under way (quiet days)" : String.join(" + ", gates);
    }
  }

  private BurstMisses() {}

  static Miss explain(BurstPlan plan, Burst burst, SpikeRule rule) {
    Evaluation best = null;
    List<String> bestGates = null;
    for (long day = burst.start(); day <= burst.end(); day++) {
      if (plan.mentions(burst.key(), day) == 0) {
        continue; // the application judges a keyword only on the days that mention it
      }
      for (TrendWindow window : TrendWindow.values()) {
        if (!rule.windows().contains(window)) {
          continue;
        }
        Evaluation e = Evaluation.of(window, day, d -> plan.mentions(burst.key(), d), plan::total);
        List<String> gates = gates(e, rule);
        if (best == null || gates.size() < bestGates.size() || gates.size() == bestGates.size() && e.score() > best.score()) {
          best = e;
          bestGates = gates;
        }
      }
    }
    return new Miss(burst, best, bestGates == null ? List.of("no paper") : bestGates);
  }

  /** The gates of {@code rule} that {@code e} fails. */
  static List<String> gates(Evaluation e, SpikeRule rule) {
    List<String> out = new ArrayList<>();
    if (e.count() < rule.minCount()) {
      out.add("count < " + rule.minCount());
    }
    if (e.score() < rule.minScore()) {
      out.add("score < " + rule.minScore());
    }
    if (e.pValue() > rule.maxPValue()) {
      out.add("p > " + rule.maxPValue());
    }
    if (e.baselineDays() < rule.minBaselineDays()) {
      out.add("baseline days < " + rule.minBaselineDays());
    }
    return out;
  }
}
