package io.paperpulse.streams.papers;

import io.paperpulse.avro.TrendingKeywordRef;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.keywords.MentionTerms;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Comparator;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/papers/trending}: a window's final ranking from the global table of {@code
 * trends.papers}, which every instance holds whole. Parameters: {@code window} (P1D, P7D, P30D;
 * default P1D), {@code day} (the window's last day, default the latest ranked), {@code limit}
 * (1 to {@value Ranking#TOP_K}, default 20), {@code subject} (a subject the paper has; {@code topic}
 * is its alias, kept for existing clients) and {@code keyword} (a trending keyword of the paper, or
 * a phrase of its title or abstract). The answer is a map of plain values, ready for Jackson.
 *
 * <p>Without {@code day}, when a window has no final ranking yet, or a day newer than the 1-day
 * ranking's is still open, the answer is provisional ({@code "final": false}): the papers of the
 * open days in the window ending on the newest, from {@code trends.papers.open}, scored by their
 * signals so far and the keywords trending in the week up to the last day ranked (an open day's
 * own keywords are not judged yet). A {@code day} that is not closed
 * yet is answered the same way, with the window ending on that day.
 */
public final class TrendingPapersQuery {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_FILTER_CHARS = 100;

  private final Function<String, ReadOnlyKeyValueStore<String, TrendingPaper>> stores;

  /**
   * @param stores the global stores of {@code trends.papers} and {@code trends.papers.open} by
   *     name, looked up on each request
   */
  public TrendingPapersQuery(Function<String, ReadOnlyKeyValueStore<String, TrendingPaper>> stores) {
    this.stores = stores;
  }

  /**
   * The ranking the parameters ask for.
   *
   * @throws IllegalArgumentException naming the parameter that is wrong
   */
  public Map<String, Object> trending(Map<String, String> query) {
    PaperWindow window = PaperWindow.parse(query.getOrDefault("window", "P1D"))
        .orElseThrow(() -> new IllegalArgumentException("window must be one of P1D, P7D, P30D, not '" + query.get("window") + "'"));
    int limit = limit(query.get("limit"));
    String subject = subjectFilter(query);
    String keyword = filter(query, "keyword");
    ReadOnlyKeyValueStore<String, TrendingPaper> papers = stores.apply(StoreNames.TRENDING_PAPERS);
    String day = query.containsKey("day") ? day(query.get("day")) : latestDay(papers, window);
    if (!query.containsKey("day")) {
      List<TrendingPaper> open = open(stores.apply(StoreNames.OPEN_PAPERS));
      long newest = open.stream().mapToLong(p -> epochDay(p.getDay())).max().orElse(Long.MIN_VALUE);
      if (!open.isEmpty() && (day == null || window == PaperWindow.P1D && newest > LocalDate.parse(day).toEpochDay())) {
        return provisional(open, window, newest, limit, subject, keyword);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("window", window.name());
    out.put("day", day == null ? "" : day);
    out.put("start", day == null ? "" : LocalDate.parse(day).minusDays(window.days() - 1L).toString());
    out.put("final", day != null);
    List<Map<String, Object>> list = new ArrayList<>();
    int rankingSize = 0;
    if (day != null) {
      try (KeyValueIterator<String, TrendingPaper> it = papers.prefixScan(window.name() + "|" + day + "|", new StringSerializer())) {
        while (it.hasNext()) {
          TrendingPaper p = it.next().value;
          rankingSize = p.getRankingSize();
          if (list.size() < limit && matches(p, subject, keyword)) {
            list.add(json(p));
          }
        }
      }
    }
    if (rankingSize == 0 && day != null) {
      // No final ranking: a day from the oldest open one on is not closed yet (days close in order).
      List<TrendingPaper> open = open(stores.apply(StoreNames.OPEN_PAPERS));
      long asked = LocalDate.parse(day).toEpochDay();
      if (open.stream().anyMatch(p -> epochDay(p.getDay()) <= asked)) {
        return provisional(open, window, asked, limit, subject, keyword);
      }
    }
    out.put("rankingSize", rankingSize);
    out.put("papers", list);
    return out;
  }

  private static List<TrendingPaper> open(ReadOnlyKeyValueStore<String, TrendingPaper> store) {
    List<TrendingPaper> out = new ArrayList<>();
    try (KeyValueIterator<String, TrendingPaper> it = store.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  private static long epochDay(java.time.Instant time) {
    return LocalDate.ofInstant(time, ZoneOffset.UTC).toEpochDay();
  }

  /** The open papers of the window ending on {@code lastDay}, ranked by what is known so far. */
  private static Map<String, Object> provisional(
      List<TrendingPaper> open, PaperWindow window, long lastDay, int limit, String subject, String keyword) {
    List<TrendingPaper> ranked = new ArrayList<>();
    for (TrendingPaper p : open) {
      long day = epochDay(p.getDay());
      if (day >= window.firstDay(lastDay) && day <= lastDay) {
        TrendingPaper scored = TrendingPaper.newBuilder(p).setWindow(window.name()).build();
        scored.setScore(p.getScore() * TrendingScore.decay(window, lastDay - day));
        ranked.add(scored);
      }
    }
    ranked.sort(Comparator.comparingDouble(TrendingPaper::getScore).reversed()
        .thenComparing(Comparator.comparing(TrendingPaper::getDay).reversed())
        .thenComparing(TrendingPaper::getPaperId));
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < ranked.size() && list.size() < limit; i++) {
      TrendingPaper p = ranked.get(i);
      p.setRank(i + 1);
      p.setRankingSize(ranked.size());
      if (matches(p, subject, keyword)) {
        list.add(json(p));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("window", window.name());
    out.put("day", LocalDate.ofEpochDay(lastDay).toString());
    out.put("start", LocalDate.ofEpochDay(window.firstDay(lastDay)).toString());
    out.put("final", false);
    out.put("rankingSize", ranked.size());
    out.put("papers", list);
    return out;
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= Ranking.TOP_K) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("limit must be a whole number from 1 to " + Ranking.TOP_K + ", not '" + value + "'");
  }

  /** The subject to filter by: {@code subject}, else {@code topic}, its alias. */
  private static String subjectFilter(Map<String, String> query) {
    String subject = filter(query, "subject");
    return subject != null ? subject : filter(query, "topic");
  }

  private static String filter(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_FILTER_CHARS) {
      throw new IllegalArgumentException(name + " must be at most " + MAX_FILTER_CHARS + " characters, not " + value.length());
    }
    return value.strip();
  }

  private static String day(String value) {
    try {
      return LocalDate.parse(value).toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("day must be a date such as 2025-04-07, not '" + value + "'");
    }
  }

  /** The last day of the window's newest ranking, or null when there is none yet. */
  private static String latestDay(ReadOnlyKeyValueStore<String, TrendingPaper> papers, PaperWindow window) {
    try (KeyValueIterator<String, TrendingPaper> it = papers.reverseRange(window.name() + "|", window.name() + "|~")) {
      if (!it.hasNext()) {
        return null;
      }
      KeyValue<String, TrendingPaper> last = it.next();
      return last.key.split("\\|")[1];
    }
  }

  /** Whether the paper has the subject (ignoring case), and the keyword as a trending keyword or in its text. */
  static boolean matches(TrendingPaper p, String subject, String keyword) {
    if (subject != null && p.getSubjects().stream().noneMatch(s -> s.equalsIgnoreCase(subject))) {
      return false;
    }
    if (keyword == null) {
      return true;
    }
    String key = MentionTerms.keyOf(keyword);
    String phrase = keyword.toLowerCase(Locale.ROOT);
    return p.getKeywords().stream().anyMatch(k -> k.getKeyword().equals(key))
        || p.getTitle().toLowerCase(Locale.ROOT).contains(phrase)
        || p.getAbstractStart().toLowerCase(Locale.ROOT).contains(phrase);
  }

  /** A ranked paper as the API gives it. */
  static Map<String, Object> json(TrendingPaper p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rank", p.getRank());
    out.put("score", p.getScore());
    out.put("paperId", p.getPaperId());
    out.put("title", p.getTitle());
    out.put("authors", List.copyOf(p.getAuthors()));
    out.put("abstractStart", p.getAbstractStart());
    out.put("url", p.getUrl());
    out.put("subjects", List.copyOf(p.getSubjects()));
    out.put("day", LocalDate.ofInstant(p.getDay(), ZoneOffset.UTC).toString());
    List<Map<String, Object>> keywords = new ArrayList<>();
    for (TrendingKeywordRef k : p.getKeywords()) {
      Map<String, Object> keyword = new LinkedHashMap<>(); // fields in a fixed order, unlike Map.of's
      keyword.put("keyword", k.getKeyword());
      keyword.put("label", k.getLabel());
      keyword.put("contribution", k.getContribution());
      keywords.add(keyword);
    }
    out.put("keywords", keywords);
    out.put("upvotes", p.getUpvotes());
    out.put("timesListed", p.getTimesListed());
    return out;
  }
}
