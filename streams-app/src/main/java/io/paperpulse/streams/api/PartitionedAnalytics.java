package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.alerts.AlertQueries;
import io.paperpulse.streams.analytics.AnalyticsPartitioner;
import io.paperpulse.streams.keywordtrends.Keyword;
import io.paperpulse.streams.keywordtrends.KeywordQueries;
import io.paperpulse.streams.subjectcounts.SubjectCountQueries;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The analytics over partitioned state: a keyword's request goes to the instance that owns its
 * partition ({@link OwnerForwarding}), lists are merged from every partition's part ({@link
 * Fanout}), and a request for a part (from another instance) is answered from this instance's
 * stores by the features' query classes ({@link SubjectCountQueries}, {@link KeywordQueries}, {@link
 * AlertQueries}).
 */
final class PartitionedAnalytics implements Analytics {
  private final KafkaStreams streams;
  private final int partitions;
  private final SubjectCountQueries subjectCounts;
  private final KeywordQueries keywords;
  private final AlertQueries alerts;
  private final Fanout fanout;
  private final OwnerForwarding forwarding;
  private final Watches watches;

  PartitionedAnalytics(KafkaStreams streams, int partitions, SubjectCountQueries subjectCounts, KeywordQueries keywords,
      AlertQueries alerts, Fanout fanout, OwnerForwarding forwarding, Watches watches) {
    this.streams = streams;
    this.partitions = partitions;
    this.subjectCounts = subjectCounts;
    this.keywords = keywords;
    this.alerts = alerts;
    this.fanout = fanout;
    this.forwarding = forwarding;
    this.watches = watches;
  }

  @Override
  public Object subjects(Request request, int days) throws IOException {
    TreeSet<Integer> part = requestedPart(request);
    return part != null ? subjectCounts.subjectDaysPart(part, true) : SubjectAnswers.subjects(days, subjectDays(request));
  }

  @Override
  public Object series(Request request, String subject, int days) throws IOException {
    TreeSet<Integer> part = requestedPart(request);
    return part != null ? subjectCounts.subjectDaysPart(part, true) : SubjectAnswers.series(subject, days, subjectDays(request));
  }

  @Override
  public Object trending(Request request, TrendWindow window, Long day, int limit) throws IOException {
    TreeSet<Integer> part = requestedPart(request);
    if (part != null) {
      return day == null ? keywords.daysPart(part, true) : keywords.trendingPart(part, true, day, window);
    }
    Long latest = null;
    Long closed = null;
    for (JsonNode d : collect(request, "/api/keywords/trending", p -> keywords.daysPart(p, true))) {
      if (d.path("latestDay").isNumber()) {
        latest = latest == null ? d.path("latestDay").asLong() : Math.max(latest, d.path("latestDay").asLong());
      }
      if (d.path("closedThrough").isNumber()) {
        closed = closed == null ? d.path("closedThrough").asLong() : Math.min(closed, d.path("closedThrough").asLong());
      }
    }
    Long target = day != null ? day : KeywordQueries.defaultDay(latest, closed);
    if (target == null) {
      return new Answers.Trending(window.name(), "", null, false, null, null, List.of());
    }
    long end = target;
    String path = "/api/keywords/trending?window=" + window.name() + "&day=" + LocalDate.ofEpochDay(end);
    List<JsonNode> parts = collect(request, path, p -> keywords.trendingPart(p, true, end, window));
    return new Answers.Trending(
        window.name(), LocalDate.ofEpochDay(end).toString(), LocalDate.ofEpochDay(end - window.days() + 1).toString(),
        closed != null && end <= closed, parts.stream().mapToLong(p -> p.path("tests").asLong()).sum(), Trending.MAX_Q,
        PartMerges.mergeTrending(parts, limit));
  }

  @Override
  public Object keyword(Request request, Params.Keyword keyword) throws IOException {
    markIfRebalancing(request);
    JsonNode forwarded = forwarding.answerElsewhere(request, keyword.key());
    if (forwarded != null) {
      return forwarded;
    }
    Keyword out = keywords.keyword(keyword.key(), AnalyticsPartitioner.partitionOf(keyword.key(), partitions), true);
    if (out == null) {
      return null;
    }
    Watch watch = watches.get(keyword.key());
    return new Answers.KeywordWithWatch(out, watch == null ? null : Answers.WatchAnswer.of(keyword.key(), watch));
  }

  @Override
  public Object alerts(Request request, int limit) throws IOException {
    TreeSet<Integer> part = requestedPart(request);
    if (part != null) {
      return alerts.alertsPart(part, true, limit);
    }
    int fetch = Math.min(Params.MAX_LIMIT, limit * PartMerges.FETCH_FACTOR);
    List<JsonNode> parts = collect(request, "/api/alerts?limit=" + fetch, p -> alerts.alertsPart(p, true, fetch));
    return new Answers.Alerts(PartMerges.mergeAlerts(parts, limit));
  }

  /** The partitions another instance asks this one for, or null for a whole answer; marks a possibly late answer. */
  private TreeSet<Integer> requestedPart(Request request) {
    markIfRebalancing(request);
    return Fanout.requested(request.header(Fanout.PARTITIONS), partitions);
  }

  private void markIfRebalancing(Request request) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      request.markStale(); // restoring or rebalancing: maybe behind
    }
  }

  /** Every partition's part of a request; marks the answer stale when a standby copy gave some. */
  private List<JsonNode> collect(Request request, String pathAndQuery, Function<TreeSet<Integer>, Object> local) {
    Fanout.Parts parts = fanout.collect(pathAndQuery, local);
    if (parts.stale()) {
      request.markStale();
    }
    return parts.parts();
  }

  /**
   * The daily subject counts of every partition, merged. Other instances are asked on {@code
   * /api/topics}, the alias that instances of earlier versions answer too, so that parts still merge
   * during a rolling upgrade.
   */
  private TreeMap<Long, TopicDayCounts> subjectDays(Request request) {
    return PartMerges.mergeSubjectDays(collect(request, "/api/topics", p -> subjectCounts.subjectDaysPart(p, true)));
  }

  /** The subjects' answers, from the merged daily counts. */
  static final class SubjectAnswers {
    private SubjectAnswers() {}

    static Answers.Subjects subjects(int days, TreeMap<Long, TopicDayCounts> store) {
      String window = SubjectCountsTopology.window(days);
      if (store.isEmpty()) {
        return new Answers.Subjects(window, null, null, 0, List.of());
      }
      long latest = store.lastKey();
      long startDay = latest - days + 1;
      SubjectCountsTopology.WindowSum sum = SubjectCountsTopology.sum(store::get, startDay, days);
      List<Answers.SubjectShare> subjects = sum.counts().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(e -> new Answers.SubjectShare(e.getKey(), e.getValue(), share(e.getValue(), sum.total())))
          .toList();
      return new Answers.Subjects(window, LocalDate.ofEpochDay(startDay).toString(), LocalDate.ofEpochDay(latest + 1).toString(),
          sum.total(), subjects);
    }

    /**
     * A subject's share of the window's papers; null while the total is 0: some part of the
     * analytics has not counted the window's days yet (a backfill's partitions at different days,
     * a copy restoring), while the subject's own part has.
     */
    static Double share(long count, long total) {
      return total == 0 ? null : (double) count / total;
    }

    /**
     * One window ending on each day with data: a window reaching past the latest day is still
     * filling and is left out, rather than drawn as a drop; the one ending on the latest day holds
     * a day that may still be open, so it is provisional. A window reaching back before the days
     * the stores keep ({@link SubjectCountsTopology#RETAINED_DAYS} up to the latest day) is left out
     * too: its oldest days are gone, and it would be drawn as a rise.
     */
    static Answers.Series series(String subject, int days, TreeMap<Long, TopicDayCounts> store) {
      List<Answers.SeriesPoint> points = new ArrayList<>();
      if (!store.isEmpty()) {
        long latest = store.lastKey();
        long firstKept = latest - SubjectCountsTopology.RETAINED_DAYS + 1;
        for (long end = Math.max(store.firstKey(), firstKept + days - 1); end <= latest; end++) {
          long start = end - days + 1;
          SubjectCountsTopology.WindowSum sum = SubjectCountsTopology.sum(store::get, start, days);
          long count = sum.counts().getOrDefault(subject, 0L);
          points.add(new Answers.SeriesPoint(LocalDate.ofEpochDay(start).toString(), LocalDate.ofEpochDay(end + 1).toString(),
              count, sum.total(), share(count, sum.total()), end < latest));
        }
      }
      return new Answers.Series(subject, SubjectCountsTopology.window(days), points);
    }
  }
}
