package io.paperpulse.streams.alerts;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.SpikeState;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.SortableKey;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.SpikeDetector;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A partition's spike alerts. When a keyword's day closes, its evaluations are held against its
 * rule (its watch's, else the global one); a spike starts on the first day that meets the rule
 * after one that did not, and raises one alert, which the recent-alerts store keeps for {@code GET
 * /api/alerts}.
 */
public final class SpikeAlerts {
  /** Alerts kept for {@code GET /api/alerts}, per partition. */
  static final int RECENT = 500;
  /** Keys of the recent-alerts store: a spike's start in epoch milliseconds, then its keyword. */
  private static final SortableKey RECENT_KEY = new SortableKey(13, '|');

  private final KeyValueStore<String, SpikeState> spikes;
  private final KeyValueStore<String, SpikeAlert> recent;
  private final SpikeRule globalRule;

  public SpikeAlerts(KeyValueStore<String, SpikeState> spikes, KeyValueStore<String, SpikeAlert> recent, SpikeRule globalRule) {
    this.spikes = spikes;
    this.recent = recent;
    this.globalRule = globalRule;
  }

  /** Adds the alerts' stores ({@link StoreNames#SPIKE_STATE}, {@link StoreNames#RECENT_ALERTS}) to {@code builder}. */
  public static void addStores(StreamsBuilder builder, AnalyticsSettings settings) {
    builder.addStateStore(settings.store(StoreNames.SPIKE_STATE, Serdes.String(), AvroSerdes.plain(SpikeState.class)));
    builder.addStateStore(settings.store(StoreNames.RECENT_ALERTS, Serdes.String(), AvroSerdes.plain(SpikeAlert.class)));
  }

  /** The rule for keywords nobody watches. */
  public SpikeRule globalRule() {
    return globalRule;
  }

  /**
   * Judges a keyword's closed day.
   *
   * @param evaluations the keyword's evaluations of the day, one a window; null on a quiet day,
   *     which ends a spike under way
   * @param eligible whether an unwatched keyword's evaluation that meets the global rule may alert
   *     (the keyword may be listed, and the rise is its own), asked only of such a match
   * @param trendOf the trend an alert reports, of the evaluation that met the rule
   * @return the alert the day raises, kept among the recent ones; null when it raises none
   */
  public SpikeAlert judge(
      String keyword, List<Evaluation> evaluations, Predicate<Evaluation> eligible, Watch watch, long day, Function<Evaluation, KeywordTrend> trendOf) {
    SpikeRule rule = watch != null ? SpikeRule.of(watch) : globalRule;
    Evaluation matching = null;
    if (evaluations != null) {
      for (Evaluation e : evaluations) {
        if (rule.matches(e) && (matching == null || e.score() > matching.score())) {
          matching = e;
        }
      }
    }
    if (matching != null && watch == null && !eligible.test(matching)) {
      matching = null; // asked only of a match: most keyword-days match no rule
    }
    SpikeState state = spikes.get(keyword);
    long active = state == null ? SpikeDetector.NONE : state.getActiveDay();
    SpikeDetector.Decision decision = SpikeDetector.decide(active, day, matching != null, true);
    if (decision.activeDay() != active) {
      if (decision.activeDay() == SpikeDetector.NONE) {
        spikes.delete(keyword);
      } else {
        spikes.put(keyword, SpikeState.newBuilder().setActiveDay(decision.activeDay()).build());
      }
    }
    return decision.alert() ? keep(alert(keyword, trendOf.apply(matching), watch)) : null;
  }

  private static SpikeAlert alert(String keyword, KeywordTrend t, Watch watch) {
    return SpikeAlert.newBuilder()
        .setKeyword(keyword)
        .setLabel(t.getLabel())
        .setWindow(t.getWindow())
        .setStart(t.getStart())
        .setCount(t.getCount())
        .setBaseline(t.getBaseline())
        .setScore(t.getScore())
        .setPValue(t.getPValue())
        .setWatched(watch != null)
        .setOwner(watch == null ? null : watch.getOwner())
        .setChannel(watch == null ? null : watch.getChannel())
        .setSamples(t.getSamples())
        .build();
  }

  /** Keeps {@code alert} among the {@value #RECENT} newest. */
  private SpikeAlert keep(SpikeAlert alert) {
    recent.put(recentKey(alert), alert);
    if (recent.approximateNumEntries() > RECENT) {
      try (KeyValueIterator<String, SpikeAlert> oldest = recent.all()) {
        if (oldest.hasNext()) {
          recent.delete(oldest.next().key);
        }
      }
    }
    return alert;
  }

  /** Key of an alert in the recent-alerts store: by day, then keyword, so the store reads in time order. */
  static String recentKey(SpikeAlert alert) {
    return RECENT_KEY.of(alert.getStart().toEpochMilli(), alert.getKeyword());
  }
}
