package io.paperpulse.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.state.TopicDayCounts;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meter names that dashboards and alert rules query, as Prometheus shows them. */
class AppMetricsTest {
  private static AppMetrics.StateView state(Map<Long, TopicDayCounts> days, List<KeywordTrend> trends) {
    return new AppMetrics.StateView() {
      @Override
      public Map<Long, TopicDayCounts> subjectDays() {
        return days;
      }

      @Override
      public List<KeywordTrend> keywordTrends() {
        return trends;
      }
    };
  }

  private static KeywordTrend trend(String keyword, long count, double score) {
    return KeywordTrend.newBuilder()
        .setKeyword(keyword).setLabel(keyword).setWindow("P7D").setStart(Instant.EPOCH)
        .setCount(count).setTotal(20L).setShare(count / 20.0).setBaseline(0.1).setBaselineStdDev(0.01)
        .setHistoryDays(20).setScore(score).setPValue(1e-7).setFinal$(true).setSamples(List.of())
        .build();
  }

  @Test
  void exportsEveryMeterTheDashboardsAndRulesUse() {
    Counters counters = new Counters();
    try (AppMetrics metrics = new AppMetrics("paperpulse", "host:8080", counters, Duration.ZERO)) {
      counters.consumed.set(7);
      counters.enriched.set(5);
      counters.duplicates.set(1);
      counters.deadLettered.set(1);
      counters.enrichmentLatency.accept(120);
      counters.alertRaised.accept(new io.paperpulse.avro.SpikeAlert("graph", "graph", "P1D", Instant.EPOCH, 12L, 0.1, 9.5, 1e-7, true, "ana", null, List.of()));
      Map<Long, TopicDayCounts> days = Map.of(
          100L, new TopicDayCounts(100L, 2L, Map.of("Machine Learning", 2L)),
          101L, new TopicDayCounts(101L, 1L, Map.of("Machine Learning", 1L, "Robotics", 1L)));

      String scrape = metrics.scrape(() -> state(days, List.of(trend("graph", 12, 9.5))));

      assertThat(scrape)
          .contains("paperpulse_papers_consumed_total{application=\"paperpulse\",instance=\"host:8080\"} 7.0")
          .contains("paperpulse_papers_enriched_total{")
          .contains("paperpulse_papers_duplicates_total{")
          .contains("paperpulse_papers_dead_lettered_total{")
          .contains("paperpulse_papers_late_total{")
          .containsPattern("paperpulse_topic_papers\\{[^}]*topic=\"Machine Learning\",window=\"P7D\"} 3.0")
          .containsPattern("paperpulse_topic_papers\\{[^}]*topic=\"Machine Learning\",window=\"P1D\"} 1.0")
          .containsPattern("paperpulse_keyword_trend_score\\{[^}]*keyword=\"graph\",window=\"P7D\"} 9.5")
          .containsPattern("paperpulse_keyword_trend_count\\{[^}]*keyword=\"graph\",window=\"P7D\"} 12.0")
          .contains("paperpulse_keyword_trend_baseline{")
          .containsPattern("paperpulse_keyword_spike_alerts_total\\{[^}]*keyword=\"graph\",watched=\"true\"} 1.0")
          .contains("paperpulse_enrichment_latency_seconds_bucket{")
          .contains("paperpulse_enrichment_latency_seconds_count{application=\"paperpulse\",instance=\"host:8080\"} 1")
          .contains("jvm_memory_used_bytes{");
    }
  }

  @Test
  void aKeywordThatLeavesTheTrendingAndWatchedSetsLosesItsSeries() {
    try (AppMetrics metrics = new AppMetrics("paperpulse", "host:8080", new Counters(), Duration.ZERO)) {
      assertThat(metrics.scrape(() -> state(Map.of(), List.of(trend("graph", 12, 9.5))))).contains("keyword=\"graph\"");

      assertThat(metrics.scrape(() -> state(Map.of(), List.of(trend("robot", 3, 1.0)))))
          .doesNotContain("keyword=\"graph\"")
          .contains("keyword=\"robot\"");
    }
  }

  @Test
  void aKeywordHasOneSeriesPerWindow() {
    try (AppMetrics metrics = new AppMetrics("paperpulse", "host:8080", new Counters(), Duration.ZERO)) {
      KeywordTrend week = trend("graph", 12, 9.5);
      KeywordTrend day = KeywordTrend.newBuilder(week).setWindow("P1D").setCount(4L).setScore(2.5).build();

      assertThat(metrics.scrape(() -> state(Map.of(), List.of(week, day))))
          .containsPattern("paperpulse_keyword_trend_count\\{[^}]*keyword=\"graph\",window=\"P7D\"} 12.0")
          .containsPattern("paperpulse_keyword_trend_count\\{[^}]*keyword=\"graph\",window=\"P1D\"} 4.0")
          .containsPattern("paperpulse_keyword_trend_score\\{[^}]*keyword=\"graph\",window=\"P1D\"} 2.5");
    }
  }

  @Test
  void aScrapeDoesNotWaitForTheStateAndLaterScrapesShowItOnceRead() throws Exception {
    java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    try (AppMetrics metrics = new AppMetrics("paperpulse", "host:8080", new Counters(), Duration.ofHours(1))) {
      java.util.function.Supplier<AppMetrics.StateView> state = () -> {
        reads.incrementAndGet();
        try {
          slow.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return state(Map.of(), List.of(trend("graph", 12, 9.5)));
      };

      assertThat(metrics.scrape(state)).doesNotContain("keyword=\"graph\""); // returns while the state is being read
      slow.countDown();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String scrape = metrics.scrape(state);
      while (!scrape.contains("keyword=\"graph\"") && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        scrape = metrics.scrape(state);
      }
      assertThat(scrape).contains("keyword=\"graph\"");
      assertThat(reads).as("read once within the interval").hasValue(1);
    }
  }
}
