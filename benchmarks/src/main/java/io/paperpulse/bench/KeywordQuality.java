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
 * Topics: {@link TopicQuality}.
 *
 * <p>Usage: {@code KeywordQuality SHARED_DATA_DIR REPORT.md}
 */
public final class KeywordQuality {
  private static final int K = 10;

  /**
   * Averages over documents. {@code coverage}: the share of gold phrases that are among the
   * extractor's candidates at all; {@code ceiling}: the F1@10 of a perfect ranking of those
   * candidates, the most any scoring of them can reach.
   */
  private record Score(double precision, double recall, double f1, double coverage, double ceiling, int documents) {}

  private KeywordQuality() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path report = Path.of(args[1]);
    DocumentFrequencies frequencies = DocumentFrequencies.bundled();
    KeywordExtractor extractor = new KeywordExtractor(frequencies);
    StringBuilder out = new StringBuilder();
    out.append("# Keyword and topic quality\n\n");
    out.append("Measured by `benchmarks/src/main/java/io/paperpulse/bench/KeywordQuality.java`. Reproduce:\n\n");
    out.append("```\n./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:java\n```\n\n");
    out.append("Extractor version `").append(KeywordExtractor.VERSION).append("`, background statistics from ")
        .append(String.format(Locale.ROOT, "%,d", frequencies.documents())).append(" arXiv listings (`paperpulse train`).\n\n");
    out.append("## Keywords: F1@10 against gold keyphrases\n\n");
    out.append("| dataset | documents | PaperPulse P@10 | R@10 | **F1@10** | TF-IDF baseline F1@10 | gold phrases among the candidates | F1@10 of a perfect ranking |\n|---|---|---|---|---|---|---|---|\n");
    for (String set : List.of("SemEval2017", "kdd", "www")) {
      Path dir = data.resolve("keyphrase").resolve(set);
      if (!Files.isDirectory(dir)) {
        out.append("| ").append(set).append(" | missing | | | | | | |\n");
        continue;
      }
      Score ours = score(dir, text -> extractor.extract("", text, K).stream().map(KeywordExtractor.Keyword::key).toList());
      Score baseline = score(dir, text -> Baseline.tfidf(frequencies, text, K));
      out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f |%n",
          set, ours.documents(), ours.precision(), ours.recall(), ours.f1(), baseline.f1(), ours.coverage(), ours.ceiling()));
    }
    out.append("\nPublished anchors for F1@10 on abstracts: YAKE about 0.33 on SemEval2017, TF-IDF about 0.35 on Inspec, SingleRank 0.45 on SemEval2017.\n\n");
    out.append("""
        What limits the score: candidates are runs of 1 to 3 words without stop words or verbs,
        while a quarter of SemEval2017's gold phrases have 4 words or more (of the kind "stability of
        the numerical scheme"), and most KDD and WWW gold phrases are author keywords that do not
        occur in the text. The last two columns give the ceiling this sets. Neither goal is met: 0.33
        on SemEval2017, and 0.05 above the TF-IDF baseline on KDD (+0.031 here) and WWW (+0.012).

        Which set is which: the extractor's constants (title, acronym, length and position boosts,
        raw tf, the idf of an unseen phrase at 0.9 times its words' mean) were chosen earlier by
        comparing variants on all three sets, so no set here is held out for them. The reading rules
        of `kw-4` (verbs end a phrase, a keyphrase ends with no adjective, no phrase at three
        lengths, "Bi-Granular" is no acronym) were chosen on the seed listing's papers for how their
        lists read, and only checked here: with the background retrained, SemEval2017 went from
        0.260 to 0.265, KDD from 0.135 to 0.134, WWW from 0.141 to 0.139.

        Where the gold sets pull the other way, the reader was chosen. Variants measured with the
        previous background statistics: phrases of up to 4 words with a SingleRank-style word graph
        (PageRank over co-occurrences in a window of 10 words, the phrase's tf-idf times the square
        root of its words' summed rank) reached 0.306 on SemEval2017 but fell to 0.125 on KDD and
        0.124 on WWW, below WWW's TF-IDF baseline, and filled lists with long fragments ("medicine
        involves multifaceted data"); keeping a single length of each phrase (no nesting at all)
        fell to 0.205 on SemEval2017, whose gold lists nest phrases. The benchmark scores with the
        background statistics alone: in the streams app the idf also counts recent papers
        (`RecentFrequencies`), which gold sets that are no stream cannot measure.

        """);
    out.append(TopicQuality.section(data.resolve("arxiv-daily-cs/daily")));
    Files.createDirectories(report.getParent());
    Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    System.out.print(out);
  }

  private interface Predictor {
    List<String> keys(String text);
  }

  private static Score score(Path dir, Predictor predictor) throws IOException {
    double p = 0;
    double r = 0;
    double f = 0;
    double coverage = 0;
    double ceiling = 0;
    int n = 0;
    try (Stream<Path> docs = Files.list(dir.resolve("docsutf8"))) {
      for (Path doc : docs.sorted().toList()) {
        Path keys = dir.resolve("keys").resolve(doc.getFileName().toString().replace(".txt", ".key"));
        if (!Files.exists(keys)) {
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
        String text = Files.readString(doc, StandardCharsets.UTF_8);
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
