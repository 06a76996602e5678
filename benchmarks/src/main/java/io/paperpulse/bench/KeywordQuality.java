package io.paperpulse.bench;

import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keyword and topic quality, written to a Markdown report.
 *
 * <p>Keywords: F1@10 of the extractor against the gold keyphrases of SemEval2017, KDD and WWW,
 * beside a plain TF-IDF baseline (every 1- to 3-word run without stop words, scored by tf times the
 * same idf, nothing else) on the same documents. A prediction matches a gold phrase when both
 * reduce to the same key (lower case, plural folding); P, R and F1 are averaged over documents.
 * Each set is split in two fixed halves ({@link #tuning}): the extractor's constants are chosen on
 * the tuning halves, and the held-out halves report them. The crawl's placeholder sentence
 * ({@value #PLACEHOLDER}), which ends half of the KDD and WWW documents, is no text of the paper
 * and is removed before either extractor sees it. Topics: {@link TopicQuality}.
 *
 * <p>Usage: {@code KeywordQuality SHARED_DATA_DIR REPORT.md}, or {@code KeywordQuality
 * SHARED_DATA_DIR --keywords} to print the keyword section alone.
 */
public final class KeywordQuality {
  private static final int K = 10;
  static final String PLACEHOLDER = "No contact information provided yet.";
  private static final List<String> SETS = List.of("SemEval2017", "kdd", "www");

  /**
   * Averages over documents. {@code coverage}: the share of gold phrases that are among the
   * extractor's candidates at all; {@code ceiling}: the F1@10 of a perfect ranking of those
   * candidates, the most any scoring of them can reach.
   */
  private record Score(double precision, double recall, double f1, double coverage, double ceiling, int documents) {}

  private KeywordQuality() {}

  /** Which documents the extractor is tuned on. */
  private enum Half { TUNING, HELD_OUT, ALL }

  /**
   * Whether a document is in its set's tuning half: the even values of the Java hash of its file
   * name without extension (a fixed half, the same on every machine and run).
   */
  static boolean tuning(String documentId) {
    return Math.floorMod(documentId.hashCode(), 2) == 0;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    if (args[1].equals("--keywords")) {
      System.out.print(keywordSection(data, DocumentFrequencies.bundled()));
      return;
    }
    Path report = Path.of(args[1]);
    DocumentFrequencies frequencies = DocumentFrequencies.bundled();
    StringBuilder out = new StringBuilder();
    out.append("# Keyword and topic quality\n\n");
    out.append("Measured by `benchmarks/src/main/java/io/paperpulse/bench/KeywordQuality.java`. Reproduce:\n\n");
    out.append("```\n./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:java\n```\n\n");
    out.append("Extractor version `").append(KeywordExtractor.VERSION).append("`, background statistics from ")
        .append(String.format(Locale.ROOT, "%,d", frequencies.documents())).append(" arXiv listings (`paperpulse train`).\n\n");
    out.append(keywordSection(data, frequencies));
    out.append(TopicQuality.section(data.resolve("arxiv-daily-cs/daily")));
    Files.createDirectories(report.getParent());
    Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    System.out.print(out);
  }

  static String keywordSection(Path data, DocumentFrequencies frequencies) throws IOException {
    KeywordExtractor extractor = new KeywordExtractor(frequencies);
    StringBuilder out = new StringBuilder();
    out.append("## Keywords: F1@10 against gold keyphrases\n\n");
    out.append(PROTOCOL);
    out.append("| dataset | half | documents | PaperPulse P@10 | R@10 | **F1@10** | TF-IDF baseline F1@10 | gold phrases among the candidates | F1@10 of a perfect ranking |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (String set : SETS) {
      Path dir = data.resolve("keyphrase").resolve(set);
      if (!Files.isDirectory(dir)) {
        out.append("| ").append(set).append(" | missing | | | | | | | |\n");
        continue;
      }
      for (Half half : Half.values()) {
        Score ours = score(dir, half, text -> extractor.extract("", text, K).stream().map(KeywordExtractor.Keyword::key).toList());
        Score baseline = score(dir, half, text -> Baseline.tfidf(frequencies, text, K));
        String name = switch (half) {
          case TUNING -> "tuning";
          case HELD_OUT -> "**held out**";
          case ALL -> "all";
        };
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f |%n",
            set, name, ours.documents(), ours.precision(), ours.recall(), ours.f1(), baseline.f1(), ours.coverage(), ours.ceiling()));
      }
    }
    out.append("\nPublished anchors for F1@10 on abstracts: YAKE about 0.33 on SemEval2017, TF-IDF about 0.35 on Inspec, SingleRank 0.45 on SemEval2017.\n\n");
    out.append(FINDINGS);
    return out.toString();
  }

  private static final String PROTOCOL = """
      Held-out protocol: each set's documents are split in two fixed halves by the Java hash of
      the document's file name (even: tuning half, odd: held-out half). The constants `kw-5`
      changed were chosen on the three tuning halves; the held-out halves are the figures to
      quote. Documents are read as title and abstract in one text (the sets do not mark where the
      title ends), with the crawl's placeholder "No contact information provided yet.", which ends
      half of the KDD and WWW documents, removed first.

      """;

  private static final String FINDINGS = """
      Goals: neither is met. On the held-out halves `kw-5` scores 0.284 on SemEval2017 (goal
      0.33), 0.028 above the TF-IDF baseline on KDD and 0.003 above it on WWW (goal 0.05 on each).
      What limits the score: candidates are runs of 1 to 3 words without stop words or verbs,
      while a quarter of SemEval2017's gold phrases have 4 words or more (of the kind "stability
      of the numerical scheme"), and most KDD and WWW gold phrases are author keywords that do not
      occur in the text. The last two columns give the ceiling this sets. Removing the crawl's
      placeholder raised the baseline more than the extractor: read with it, as before, `kw-4`
      scored 0.265, 0.134 and 0.139 against a baseline of 0.177, 0.103 and 0.127.

      `kw-4` against `kw-5`, F1@10 on the same halves:

      | dataset | half | `kw-4` | `kw-5` |
      |---|---|---|---|
      | SemEval2017 | tuning | 0.260 | 0.271 |
      | SemEval2017 | **held out** | 0.271 | **0.284** |
      | kdd | tuning | 0.131 | 0.135 |
      | kdd | **held out** | 0.149 | **0.150** |
      | www | tuning | 0.151 | 0.155 |
      | www | **held out** | 0.141 | **0.141** |

      What `kw-5` changed: an acronym's boost is 2.0 (was 1.3); the position boost is
      `1 + 1 / (1 + p / 30)` for a first occurrence at word `p` of the title followed by the
      abstract (was `1 + 0.3 * (1 - p / n)` over the abstract alone, and nothing for the title);
      and a hyphenated acronym whose last part is lower case ("CG-friendly", "LLM-based") no
      longer ends a keyphrase, so "generated cg-friendly" is no candidate (a reading rule, chosen
      on the seed listing; +0.0005 on SemEval2017's held-out half, -0.0002 on WWW's, no change on
      the tuning halves). A scoring change was kept when it raised the mean F1@10 of the three
      tuning halves by at least 0.002 and put no tuning half below `kw-4`. The held-out figures
      were printed beside the tuning ones while variants were compared, but never decided between
      them. The constants `kw-5` inherits (title boost 2.0, length boosts 1.35 and 1.5, the idf of
      an unseen phrase at 0.9 times its words' mean) were chosen earlier on all three whole sets,
      held-out halves included; the title boost is not measured here at all, since the sets do not
      mark the title.

      Variants measured on the tuning halves (mean of the three; SemEval2017, KDD, WWW), from
      `kw-4` at 0.1806 (0.260, 0.131, 0.151): acronym boost 2.0 alone 0.1847 (0.274, 0.130,
      0.150); with the position boost, `kw-5`, 0.1869 (0.271, 0.135, 0.155). Not kept, from
      `kw-5`: acronym boost 1.6 or 2.5, 0.1864 and 0.1872; position weight 0.5 or 1.5, half-life
      15 or 60 words, 0.1859 to 0.1867; tf as `1 + ln tf` 0.1874 (0.281, 0.130, 0.152), `tf^0.75`
      0.1865, `tf^0.5` 0.1854: each gains on SemEval2017 and loses on KDD and WWW; length boosts
      1.25 and 1.4 for 2 and 3 words 0.1856, 1.5 and 1.7 0.1866; the idf of an unseen phrase at
      0.95 or 0.85 of its words' mean, 0.1876 and 0.1859; a single word counted at half weight
      where it lies inside a longer candidate 0.1892 (0.288, 0.132, 0.147) or at 0.75 weight
      0.1893 (0.284, 0.133, 0.150): the best mean, but WWW falls below `kw-4` (and the seed
      paper's list trades "ann" for "ann search techniques"); a light word-graph term, the
      phrase's score times the mean in-paper frequency of its words (the degree a word has in a
      co-occurrence graph, without PageRank) to the power 0.25 or 0.5, 0.1866 and 0.1853;
      candidates "X of Y" and "X of the Y" (up to 4 words besides "of" and "the", scored like
      other unseen phrases times 0.5 to 1.3) 0.1857 down to 0.1751, lower on all three sets, since
      they are rarely gold and crowd out their parts; candidates of up to 4 words (boost 1.5, no
      background counts) -0.0006 (measured with the placeholder still in the text and the acronym
      boost at 1.3). Earlier, with the previous background statistics: phrases of up to 4 words
      with a SingleRank-style word graph (PageRank over co-occurrences in a window of 10 words,
      the phrase's tf-idf times the square root of its words' summed rank) reached 0.306 on
      SemEval2017 but fell to 0.125 on KDD and 0.124 on WWW, below WWW's TF-IDF baseline, and
      filled lists with long fragments ("medicine involves multifaceted data"); keeping a single
      length of each phrase (no nesting at all) fell to 0.205 on SemEval2017, whose gold lists
      nest phrases.

      The benchmark scores with the background statistics alone: in the streams app the idf also
      counts recent papers (`RecentFrequencies`), which gold sets that are no stream cannot
      measure. The background need not be retrained for `kw-5`: its candidates are those of `kw-4`
      less the few that end in such an acronym, and the counts of the others stay as they are (but
      for a phrase also written with a capital in that last part, "LLM-Based").

      """;

  private interface Predictor {
    List<String> keys(String text);
  }

  private static Score score(Path dir, Half half, Predictor predictor) throws IOException {
    double p = 0;
    double r = 0;
    double f = 0;
    double coverage = 0;
    double ceiling = 0;
    int n = 0;
    try (Stream<Path> docs = Files.list(dir.resolve("docsutf8"))) {
      for (Path doc : docs.sorted().toList()) {
        String id = doc.getFileName().toString().replace(".txt", "");
        Path keys = dir.resolve("keys").resolve(id + ".key");
        if (!Files.exists(keys) || (half == Half.TUNING && !tuning(id)) || (half == Half.HELD_OUT && tuning(id))) {
          continue;
        }
        Set<String> gold = new HashSet<>();
        for (String line : Files.readAllLines(keys, StandardCharsets.UTF_8)) {
          String key = KeywordExtractor.keyOf(line);
          if (!key.isEmpty()) {
            gold.add(key);
          }
        }
        if (gold.isEmpty()) {
          continue;
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8).replace(PLACEHOLDER, "");
        List<String> predicted = new ArrayList<>(new LinkedHashSet<>(predictor.keys(text)));
        long hits = predicted.stream().filter(gold::contains).count();
        double precision = predicted.isEmpty() ? 0 : (double) hits / predicted.size();
        double recall = (double) hits / gold.size();
        p += precision;
        r += recall;
        f += f1(precision, recall);
        Set<String> candidates = KeywordExtractor.candidates(text);
        long reachable = gold.stream().filter(candidates::contains).count();
        coverage += (double) reachable / gold.size();
        long best = Math.min(K, reachable);
        int guesses = Math.min(K, candidates.size());
        ceiling += guesses == 0 ? 0 : f1((double) best / guesses, (double) best / gold.size());
        n++;
      }
    }
    return new Score(p / n, r / n, f / n, coverage / n, ceiling / n, n);
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
