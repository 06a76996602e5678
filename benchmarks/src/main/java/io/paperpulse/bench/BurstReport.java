package io.paperpulse.bench;

import io.paperpulse.streams.alerts.SpikeRule;

import io.paperpulse.bench.BurstPlan.BaseRate;
import io.paperpulse.bench.BurstPlan.Burst;
import io.paperpulse.bench.BurstPlan.Shape;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/** The "Injected bursts" section of docs/trend-quality.md, from a plan and its run. */
final class BurstReport {
  static final String COMMAND = """
      ```bash
      ./mvnw -q -B -o -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=/tmp/bursts-cp.txt
      java -Xmx4g -cp benchmarks/target/classes:$(cat /tmp/bursts-cp.txt) io.paperpulse.bench.InjectedBursts ../shared/data docs/trend-quality.md
      ```
      """;

  /** The two rules: the watched one on each phrase, the global one on its unwatched twin. */
  enum Rule {
    WATCHED,
    GLOBAL;

    String keyOf(Burst b) {
      return this == WATCHED ? b.key() : b.twinKey();
    }
  }

  private final BurstPlan plan;
  private final BurstRun run;
  private final int realPapers;
  /** The closed days after the warm-up: where false alerts are counted. */
  private final List<Long> days;

  BurstReport(BurstPlan plan, BurstRun run, int realPapers) {
    this.plan = plan;
    this.run = run;
    this.realPapers = realPapers;
    this.days = List.copyOf(plan.papers.subMap(plan.warmupEnd, true, run.closedThrough, true).keySet());
  }

  String markdown(double seconds, double cpuSeconds) {
    StringBuilder out = new StringBuilder("## Injected bursts\n\n");
    out.append(String.format(Locale.ROOT, "Reproduce (%.0f s, %.0f s of CPU, on a machine shared with other work: %s):%n%n", seconds, cpuSeconds,
        Report.machine())).append(COMMAND).append('\n');
    setup(out);
    io.paperpulse.avro.Watch defaults = io.paperpulse.avro.Watch.newBuilder().setKeyword("-").build();
    recall(out, "Watched rule", Rule.WATCHED, String.format(Locale.ROOT, "A watch on each phrase, as `PUT /api/watches/{phrase}` writes it: "
        + "at least %d papers, score at least %s, p at most %s, in the day's or the week's window",
        defaults.getMinCount(), defaults.getMinScore(), defaults.getMaxPValue()));
    recall(out, "Global rule", Rule.GLOBAL, String.format(java.util.Locale.ROOT, "No watch, on the phrase's unwatched twin: at least %d papers in the week's window, "
        + "score at least %s, p at most %s, %d baseline days with papers, a listable keyword (every twin is)",
        SpikeRule.GLOBAL.minCount(), SpikeRule.GLOBAL.minScore(), SpikeRule.GLOBAL.maxPValue(), SpikeRule.GLOBAL.minBaselineDays()));
    falseAlerts(out);
    new BurstMissTable(plan, run).append(out);
    new WatchReplay(plan, run, days).append(out);
    return out.toString();
  }

  private void setup(StringBuilder out) {
    Burst example = plan.bursts.get(0);
    out.append(String.format(Locale.ROOT, "The whole application (`PaperPulseTopology`: enrichment, the analytics repartition, keyword trends and "
        + "alerts) on Kafka Streams' TopologyTestDriver, in-memory state, fed day by day in event-time order with real days of the archive, "
        + "%s to %s (%,d papers, %d listing days). The first %d days are the warm-up; bursts start after it, so every phrase has eight "
        + "weeks at its base rate before its burst. %d invented phrases, %d for each of 5 sizes x 2 shapes x 4 base rates: two made-up words "
        + "that none of these papers uses, then a real plural noun (\"%s\"). Each phrase is watched; its last two words (\"%s\"), "
        + "a listable term that every paper with the phrase mentions and no other paper does, are not: the same counts under the global "
        + "rule, in the same run. A fixed sample of real keywords is watched from the end of the warm-up.%n%n",
        LocalDate.ofEpochDay(plan.firstDay), LocalDate.ofEpochDay(plan.lastDay), realPapers, plan.papers.size(), BurstPlan.WARMUP_DAYS,
        plan.bursts.size(), InjectedBursts.REPLICATES, example.phrase(), InventedPhrases.twin(example.phrase())));
    out.append(String.format(Locale.ROOT, "Base rate: on every day, before and after the burst, a Poisson number of the day's real papers (mean: "
        + "the rate times the day's papers over an average listing day's) get a sentence such as \"We use %s.\" in their abstract (%,d such "
        + "mentions; the sentence's other words are stop words, which make no term). Burst: extra papers, each a copy of a random real paper "
        + "of a listing day at most %d days away (never its own day) under a new id (`2699.NNNNN`, a month that does not exist), with its "
        + "categories and authors, the phrase added to its title (\"... with %s\") and in a sentence to its abstract. A one-day burst goes "
        + "to a listing day with at least %d real papers; a week's is spread over the listing days of the 7 days from its start. %,d extra "
        + "papers in all, %.0f%% more papers on the %d days after the warm-up, spread evenly over them.%n%n", example.phrase(),
        plan.baseMentions, BurstPlan.SOURCE_DAYS, InventedPhrases.titleCase(example.phrase()), BurstPlan.FULL_DAY, plan.extraPapers,
        100.0 * plan.extraPapers / realAfterWarmup(), days.size()));
    out.append("Recall: the burst raised an alert on the key (phrase or twin) on the burst's day (one-day bursts), or on one of the 7 days "
        + "from its start (week bursts: by the close of the week). Each cell holds " + InjectedBursts.REPLICATES + " bursts.\n\n");
  }

  private long realAfterWarmup() {
    return days.stream().mapToLong(d -> plan.total(d)).sum() - plan.extraPapers;
  }

  static boolean hit(BurstRun run, Burst b, Rule rule) {
    String key = rule.keyOf(b);
    return run.alerts.stream().anyMatch(a -> a.key().equals(key) && a.watched() == (rule == Rule.WATCHED) && a.day() >= b.start() && a.day() <= b.end());
  }

  private void recall(StringBuilder out, String title, Rule run, String rule) {
    out.append("### ").append(title).append(" recall\n\n").append(rule).append(".\n\n| papers |");
    for (Shape shape : Shape.values()) {
      for (BaseRate base : BaseRate.values()) {
        out.append(' ').append(shape == Shape.DAY ? "1 day" : "1 week").append(", ").append(base.label).append(" |");
      }
    }
    out.append("\n|---|").append("---|".repeat(8)).append('\n');
    for (int size : BurstPlan.SIZES) {
      out.append("| ").append(size).append(" |");
      for (Shape shape : Shape.values()) {
        for (BaseRate base : BaseRate.values()) {
          out.append(' ').append(format(recall(run, b -> b.size() == size && b.shape() == shape && b.base() == base))).append(" |");
        }
      }
      out.append('\n');
    }
    out.append('\n');
    for (BaseRate base : BaseRate.values()) {
      out.append(String.format(Locale.ROOT, "%s with 10 or more papers (both shapes): %s. ", base.label,
          format(recall(run, b -> b.size() >= 10 && b.base() == base))));
    }
    out.append(String.format(Locale.ROOT, "All with 10 or more papers: **%s**.%n%n", format(recall(run, b -> b.size() >= 10))));
  }

  /** Hits and bursts. */
  private long[] recall(Rule rule, Predicate<Burst> which) {
    List<Burst> chosen = plan.bursts.stream().filter(which).toList();
    return new long[] {chosen.stream().filter(b -> hit(run, b, rule)).count(), chosen.size()};
  }

  private static String format(long[] ratio) {
    return String.format(Locale.ROOT, "%.2f", (double) ratio[0] / ratio[1]) + (ratio[1] > InjectedBursts.REPLICATES ? " (" + ratio[0] + "/" + ratio[1] + ")" : "");
  }

  private void falseAlerts(StringBuilder out) {
    long first = days.get(0);
    long last = days.get(days.size() - 1);
    out.append(String.format(Locale.ROOT, "### False alerts%n%nCounted on the %d listing days from %s to %s (after the warm-up, up to the last "
        + "day closed). Watched: a keyword-day is one watched keyword on one such day, whether or not a paper mentions it; the keyword-days "
        + "with a mention (the days the application judges it) are given too.%n%n", days.size(), LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last)));
    out.append("| watched keywords | alerts | keyword-days | per 1,000 | keyword-days with a mention | per 1,000 |\n|---|---|---|---|---|---|\n");
    long[] all = new long[3];
    for (BaseRate bin : List.of(BaseRate.WEEKLY, BaseRate.DAILY, BaseRate.BUSY)) {
      Set<String> keys = run.sample.entrySet().stream().filter(e -> e.getValue() == bin).map(Map.Entry::getKey).collect(Collectors.toSet());
      long[] counts = {alerts(a -> a.watched() && keys.contains(a.key())).size(), (long) keys.size() * days.size(), mentioned(keys::contains, d -> true)};
      row(out, "real keywords at " + bin.label + " in the warm-up (" + keys.size() + " at random)", counts);
      for (int i = 0; i < 3; i++) {
        all[i] += counts[i];
      }
    }
    row(out, "**all watched real keywords**", all);
    long[] before = new long[3];
    for (Burst b : plan.bursts) {
      before[0] += alerts(a -> a.key().equals(b.key()) && a.day() < b.start()).size();
      before[1] += days.stream().filter(d -> d < b.start()).count();
      before[2] += mentioned(b.key()::equals, d -> d < b.start());
    }
    row(out, "invented phrases, before their bursts", before);
    out.append('\n');
    listed(out, "Watched alerts on real keywords", alerts(a -> a.watched() && run.sample.containsKey(a.key())));
    List<BurstRun.Alert> global = alerts(a -> !a.watched() && !plan.injectedTerms.containsKey(a.key()));
    long tested = run.tested.values().stream().mapToLong(Long::longValue).sum();
    long injected = alerts(a -> !a.watched() && plan.injectedTerms.containsKey(a.key()) && !isTwin(a.key())).size();
    out.append(String.format(Locale.ROOT, "Global rule: **%d alerts on %,d tested keyword-days, %.2f per 1,000**. A tested keyword-day is a real "
        + "keyword on a closed day that mentions it, listable, with at least %d papers in the week's window (%d for a name): the hypotheses of that day's weekly "
        + "list (`KeywordHistory.test`), %,.0f a day on average, leaving out the invented terms and the watched real keywords; the global rule "
        + "can alert on no other keyword-day. Not counted: %d alerts on the phrases' other sub-phrases (\"%s\").%n%n",
        global.size(), tested, 1000.0 * global.size() / tested, io.paperpulse.streams.trends.TrendWindow.P7D.minSupport(false),
        io.paperpulse.streams.trends.TrendWindow.P7D.minSupport(true),
        (double) tested / days.size(), injected, firstWords(plan.bursts.get(0).phrase())));
    listed(out, "Global alerts on real keywords", global);
  }

  /** The run's alerts on the counted days that {@code which} accepts. */
  private List<BurstRun.Alert> alerts(Predicate<BurstRun.Alert> which) {
    long first = days.get(0);
    long last = days.get(days.size() - 1);
    return run.alerts.stream().filter(a -> a.day() >= first && a.day() <= last && which.test(a)).toList();
  }

  /** Keyword-days on the counted days with a mention of a watched keyword that {@code keys} accepts. */
  private long mentioned(Predicate<String> keys, java.util.function.LongPredicate when) {
    long first = days.get(0);
    long last = days.get(days.size() - 1);
    return run.watchedTrends.entrySet().stream().filter(e -> keys.test(e.getKey()))
        .mapToLong(e -> e.getValue().stream().mapToLong(ev -> ev.endDay()).filter(d -> d >= first && d <= last && when.test(d)).distinct().count()).sum();
  }

  private static void listed(StringBuilder out, String what, List<BurstRun.Alert> alerts) {
    out.append(what).append(": ").append(alerts.isEmpty() ? "none" : "");
    out.append(String.join("; ", alerts.stream().map(a -> String.format(Locale.ROOT, "%s (%s, %s, %d papers, score %.1f, p %.0e)",
        a.label(), LocalDate.ofEpochDay(a.day()), a.window(), a.count(), a.score(), a.pValue())).toList())).append(".\n\n");
  }

  private static String firstWords(String phrase) {
    return phrase.substring(0, phrase.lastIndexOf(' '));
  }

  private boolean isTwin(String key) {
    return plan.bursts.stream().anyMatch(b -> b.twinKey().equals(key));
  }

  private static void row(StringBuilder out, String what, long[] counts) {
    out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.2f | %,d | %.2f |%n", what, counts[0], counts[1], 1000.0 * counts[0] / counts[1],
        counts[2], 1000.0 * counts[0] / counts[2]));
  }
}
