package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an answer that every partition gives (the features' query classes: {@link
 * io.paperpulse.streams.subjectcounts.SubjectCountQueries}, {@link
 * io.paperpulse.streams.keywordtrends.KeywordQueries}, {@link
 * io.paperpulse.streams.alerts.AlertQueries}), merged into one.
 */
final class PartMerges {
  private PartMerges() {}

  /**
   * The parts' days merged: every partition counts every paper of a day, so a day's total is the
   * same in each once they have caught up, and the smallest is what every part has counted (a
   * standby copy may be behind); each subject is counted on one partition.
   */
  static TreeMap<Long, TopicDayCounts> mergeSubjectDays(List<JsonNode> parts) {
    TreeMap<Long, TopicDayCounts> out = new TreeMap<>();
    Map<Long, Integer> seen = new HashMap<>();
    for (JsonNode part : parts) {
      part.path("days").fieldNames().forEachRemaining(day -> seen.merge(Long.parseLong(day), 1, Integer::sum));
      part.path("days").fields().forEachRemaining(day -> {
        long epochDay = Long.parseLong(day.getKey());
        long total = day.getValue().path("total").asLong();
        TopicDayCounts merged = out.computeIfAbsent(epochDay, d -> TopicDayCounts.newBuilder().setDay(d).setTotal(total).setCounts(new HashMap<>()).build());
        merged.setTotal(Math.min(merged.getTotal(), total));
        day.getValue().path("counts").fields().forEachRemaining(c -> merged.getCounts().merge(c.getKey(), c.getValue().asLong(), Long::sum));
      });
    }
    seen.forEach((day, count) -> {
      if (count < parts.size()) {
        out.get(day).setTotal(0L); // not every part has counted it yet
      }
    });
    return out;
  }

  /** The trending list from every partition's part: (weighted) q-values over all tests, fragments dropped. */
  static List<JsonNode> mergeTrending(List<JsonNode> parts, int limit) {
    long tests = 0;
    long namedTests = 0;
    Map<String, Long> counts = new HashMap<>();
    List<Trending.Tested> candidates = new ArrayList<>();
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode part : parts) {
      tests += part.path("tests").asLong();
      namedTests += part.path("namedTests").asLong();
      part.path("counts").fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asLong()));
      for (JsonNode c : part.path("candidates")) {
        candidates.add(new Trending.Tested(c.path("keyword").asText(), c.path("label").asText(), evaluationOf(c)));
        byKey.put(c.path("keyword").asText(), c);
      }
    }
    List<JsonNode> out = new ArrayList<>();
    for (Trending.Listed listed : Trending.rank(candidates, tests, namedTests, counts, MentionTerms::listable)) {
      if (out.size() == limit) {
        break;
      }
      ObjectNode node = byKey.get(listed.tested().key()).deepCopy();
      node.put("qValue", listed.qValue());
      out.add(node);
    }
    return out;
  }

  /** The evaluation a trend of the API's JSON ({@link io.paperpulse.streams.keywordtrends.Trend}) shows. */
  static Evaluation evaluationOf(JsonNode trend) {
    return new Evaluation(TrendWindow.valueOf(trend.path("window").asText()), LocalDate.parse(trend.path("end").asText()).toEpochDay(),
        trend.path("count").asLong(), trend.path("total").asLong(), trend.path("baselineCount").asLong(),
        trend.path("baselineTotal").asLong(), trend.path("baselineDays").asInt(), trend.path("pValue").asDouble(),
        trend.path("ratio").asDouble(), trend.path("score").asDouble(), trend.path("emerging").asBoolean());
  }

  /** A trend of the API's JSON as the topology writes it to its topic, without samples. */
  static KeywordTrend keywordTrendOf(JsonNode trend) {
    return KeywordTrendsTopology.trend(trend.path("keyword").asText(), trend.path("label").asText(), List.of(), evaluationOf(trend),
        trend.path("fragment").asBoolean());
  }

  /** Alerts this many days apart or closer may be one event. */
  static final int EVENT_DAYS = 3;
  /** Sample papers two alerts share to be one event. */
  static final int SHARED_PAPERS = 2;
  /** Alerts each part gives for every alert listed: more than {@code limit}, so folding leaves enough. */
  static final int FETCH_FACTOR = 5;

  /**
   * The newest alerts of every part, newest first, at most {@code limit}. An unwatched alert of the
   * same event as a newer one listed (within {@value #EVENT_DAYS} days of it, sharing at least
   * {@value #SHARED_PAPERS} sample papers: one batch of papers raising alerts on several of its
   * phrases) is folded into that one's {@code related} labels instead of listed. Watched alerts
   * are always listed.
   */
  static List<JsonNode> mergeAlerts(List<JsonNode> parts, int limit) {
    List<JsonNode> all = new ArrayList<>();
    parts.forEach(part -> part.path("alerts").forEach(all::add));
    all.sort(Comparator.comparing((JsonNode a) -> a.path("key").asText()).reversed());
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode alert : all) {
      ObjectNode event = alert.path("watched").asBoolean() ? null : eventOf(out, alert);
      if (event != null) {
        event.withArray("related").add(alert.path("label").asText());
      } else if (out.size() < limit) {
        ObjectNode listed = alert.deepCopy();
        listed.putArray("related");
        out.add(listed);
      }
    }
    return new ArrayList<>(out);
  }

  /** The unwatched alert listed that {@code alert} is of one event with, or null. */
  private static ObjectNode eventOf(List<ObjectNode> listed, JsonNode alert) {
    long day = LocalDate.parse(alert.path("day").asText().substring(0, 10)).toEpochDay();
    java.util.Set<String> papers = new java.util.HashSet<>();
    alert.path("samples").forEach(p -> papers.add(p.path("id").asText()));
    for (ObjectNode other : listed) {
      if (other.path("watched").asBoolean()
          || Math.abs(LocalDate.parse(other.path("day").asText().substring(0, 10)).toEpochDay() - day) > EVENT_DAYS) {
        continue;
      }
      int shared = 0;
      for (JsonNode p : other.path("samples")) {
        shared += papers.contains(p.path("id").asText()) ? 1 : 0;
      }
      if (shared >= SHARED_PAPERS) {
        return other;
      }
    }
    return null;
  }
}
