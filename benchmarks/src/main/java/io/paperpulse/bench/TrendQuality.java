package io.paperpulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.Paper;
import io.paperpulse.streams.keywords.AcronymTable;
import io.paperpulse.streams.keywords.MentionTerms;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the trends of a running PaperPulse against the archive it was fed: for a set of terms,
 * the papers per day the API counts against the papers whose title or abstract mentions the term
 * (mention coverage), then the week's trending lists and the alerts, for a person to judge.
 *
 * <p>Run after {@code ./paperpulse up} and {@code ./paperpulse replay} of the archive have caught
 * up: {@code java -cp ... io.paperpulse.bench.TrendQuality ../shared/data http://localhost:8080 OUT}.
 */
public final class TrendQuality {
  /** The terms the trends issue names, and more that the field uses. */
  static final List<String> TERMS = List.of(
      "GPT-5", "Qwen3", "large language model", "DeepSeek-R1", "Qwen2.5-VL", "GPT-4o",
      "diffusion model", "reinforcement learning", "retrieval-augmented generation", "mixture of experts",
      "vision-language model", "chain-of-thought", "test-time scaling", "Gaussian splatting",
      "state space model", "knowledge distillation", "federated learning", "graph neural network",
      "in-context learning", "reward model", "world model", "speculative decoding", "KV cache");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrendQuality() {}

  public static void main(String[] args) throws Exception {
    Path daily = Archive.dailyListings(Path.of(args[0]));
    String api = args[1];
    Path out = Path.of(args[2]);
    List<Paper> papers = Archive.papers(daily);
    StringBuilder report = new StringBuilder();
    report.append("## Mention coverage\n\n")
        .append("Papers a day that the API counts for a term, against papers whose title or abstract mentions it ")
        .append("(case-insensitive, whole words, a plural 's' allowed, words apart or hyphenated alike but in a name with a digit), ")
        .append("or writes an acronym that the bundled acronym table folds into it (not in small letters only, and not where the paper defines it otherwise; \"LLMs\" for \"large language model\"), ")
        .append("summed over the days the API holds.\n\n")
        .append("| term | key | acronyms folded in | days | papers mentioning it | counted by PaperPulse | coverage |\n|---|---|---|---|---|---|---|\n");
    double worst = 1;
    for (String term : TERMS) {
      JsonNode keyword = get(api + "/api/keywords/" + URLEncoder.encode(term, StandardCharsets.UTF_8).replace("+", "%20"));
      Map<LocalDate, Long> counted = new TreeMap<>();
      for (JsonNode day : keyword.path("series")) {
        counted.put(LocalDate.parse(day.path("day").asText()), day.path("count").asLong());
      }
      List<String> acronyms = AcronymTable.bundled().acronymsOf(MentionTerms.keyOf(term));
      Map<LocalDate, Long> mentioned = mentions(papers, term, acronyms);
      long expected = 0;
      long found = 0;
      LocalDate first = counted.isEmpty() ? null : ((TreeMap<LocalDate, Long>) counted).firstKey();
      LocalDate last = counted.isEmpty() ? null : LocalDate.parse(keyword.path("day").asText());
      for (Map.Entry<LocalDate, Long> e : mentioned.entrySet()) {
        if (first != null && !e.getKey().isBefore(first) && !e.getKey().isAfter(last)) {
          expected += e.getValue();
          found += Math.min(e.getValue(), counted.getOrDefault(e.getKey(), 0L));
        }
      }
      double coverage = expected == 0 ? Double.NaN : (double) found / expected;
      worst = Double.isNaN(coverage) ? worst : Math.min(worst, coverage);
      report.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %.3f |%n",
          term, keyword.path("keyword").asText("(none)"), acronyms.isEmpty() ? "" : String.join(", ", acronyms),
          counted.size(), expected, found, coverage));
    }
    report.append(String.format(Locale.ROOT, "%nLowest coverage: %.3f.%n%n", worst));
    trending(api, report);
    alerts(api, report);
    Files.writeString(out, report.toString());
    System.out.print(report);
  }

  /**
   * Papers per day whose title or abstract mentions {@code term}: its words apart or hyphenated alike
   * ("KV cache", "KV-cache"), but for a word with a digit, written as given ("GPT-5"); or one of
   * {@code acronyms} (keys) as a word with a capital ("LLM", "LLMs", "MoE").
   */
  static Map<LocalDate, Long> mentions(List<Paper> papers, String term, List<String> acronyms) {
    Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}-])" + words(term) + "s?(?![\\p{L}\\p{N}-])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    List<Pattern> acronymPatterns = acronyms.stream()
        .map(a -> Pattern.compile("(?<![\\p{L}\\p{N}-])" + Pattern.quote(a) + "s?(?![\\p{L}\\p{N}-])", Pattern.CASE_INSENSITIVE))
        .toList();
    Map<LocalDate, Long> out = new TreeMap<>();
    for (Paper p : papers) {
      if (mentions(pattern, acronymPatterns, p.getTitle()) || mentions(pattern, acronymPatterns, p.getAbstract$())) {
        out.merge(LocalDate.ofInstant(p.getPublished(), ZoneOffset.UTC), 1L, Long::sum);
      }
    }
    return out;
  }

  private static boolean mentions(Pattern term, List<Pattern> acronyms, String text) {
    if (term.matcher(text).find()) {
      return true;
    }
    for (Pattern acronym : acronyms) {
      Matcher m = acronym.matcher(text);
      while (m.find()) {
        if (m.group().chars().anyMatch(Character::isUpperCase) && !definedOtherwise(term, acronym, text)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the text defines the acronym in parentheses ("finite-length (FL)") and never right after
   * the term: the paper's own definition wins, as the trends count it.
   */
  private static boolean definedOtherwise(Pattern term, Pattern acronym, String text) {
    boolean defined = false;
    for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
      int close = text.indexOf(')', open);
      if (close < 0 || !acronym.matcher(text.substring(open + 1, close)).matches()) {
        continue;
      }
      defined = true;
      if (term.matcher(text.substring(Math.max(0, open - 80), open)).find()) {
        return false;
      }
    }
    return defined;
  }

  /** The pattern of a term's words: a hyphen or a space between two words, or parts, without a digit. */
  static String words(String term) {
    StringBuilder pattern = new StringBuilder();
    String[] words = term.split(" ");
    for (int i = 0; i < words.length; i++) {
      boolean digit = words[i].chars().anyMatch(Character::isDigit);
      if (i > 0) {
        boolean digitBefore = words[i - 1].chars().anyMatch(Character::isDigit);
        pattern.append(digit || digitBefore ? " " : "[\\s-]");
      }
      String[] parts = digit ? new String[] {words[i]} : words[i].split("-");
      for (int k = 0; k < parts.length; k++) {
        pattern.append(k > 0 ? "[\\s-]" : "").append(Pattern.quote(parts[k]));
      }
    }
    return pattern.toString();
  }

  /** The top of the weekly list on the last day of each of the API's last weeks. */
  private static void trending(String api, StringBuilder report) throws Exception {
    JsonNode latest = get(api + "/api/keywords/trending?window=P7D&limit=1");
    LocalDate end = LocalDate.parse(latest.path("day").asText());
    report.append("## Rising this week\n\nThe top 12 of `GET /api/keywords/trending?window=P7D&day=...` on the last day of each week; ")
        .append("(n) papers in the week, x its usual rate, * emerging.\n\n| week to | tested | keywords |\n|---|---|---|\n");
    for (int week = 0; week < 12; week++) {
      LocalDate day = end.minusWeeks(week);
      JsonNode list = get(api + "/api/keywords/trending?window=P7D&limit=12&day=" + day);
      List<String> items = new ArrayList<>();
      for (JsonNode k : list.path("keywords")) {
        items.add(String.format(Locale.ROOT, "%s (%d, %.1fx%s)", k.path("label").asText(), k.path("count").asLong(),
            k.path("ratio").asDouble(), k.path("emerging").asBoolean() ? " *" : ""));
      }
      report.append("| ").append(day).append(" | ").append(list.path("tested").asLong()).append(" | ")
          .append(String.join(", ", items)).append(" |\n");
    }
    report.append('\n');
  }

  /** The strongest alerts the API holds. */
  private static void alerts(String api, StringBuilder report) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    get(api + "/api/alerts?limit=500").path("alerts").forEach(all::add);
    all.sort((a, b) -> Double.compare(b.path("score").asDouble(), a.path("score").asDouble()));
    report.append("## Alerts\n\n").append(all.size()).append(" alerts held by the API (each partition keeps its 500 newest).\n\n")
        .append("| day | window | keyword | papers | score | watched |\n|---|---|---|---|---|---|\n");
    for (JsonNode a : all.subList(0, Math.min(30, all.size()))) {
      report.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %s |%n", a.path("day").asText().substring(0, 10),
          a.path("window").asText(), a.path("label").asText(), a.path("count").asLong(), a.path("score").asDouble(), a.path("watched").asBoolean()));
    }
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
