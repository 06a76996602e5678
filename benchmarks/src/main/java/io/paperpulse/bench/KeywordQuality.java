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
 * Keyword and subject quality, written to a Markdown report.
 *
 * <p>Keywords: F1@10 of the extractor against the gold keyphrases of SemEval2017, KDD and WWW,
 * beside a plain TF-IDF baseline (every 1- to 3-word run without stop words, scored by tf times the
 * same idf, nothing else) on the same documents. A prediction matches a gold phrase when both
 * reduce to the same key (lower case, plural folding); P, R and F1 are averaged over documents.
 * Each set is split in two fixed halves ({@link #tuning}): the extractor's constants are chosen on
 * the tuning halves, and the held-out halves report them. The crawl's placeholder sentence
 * ({@value #PLACEHOLDER}), which ends half of the KDD and WWW documents, is no text of the paper
 * and is removed before either extractor sees it. Subjects: {@link SubjectQuality}.
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
    Report.section(report, "keyphrases", keywordSection(data, frequencies));
    Report.section(report, "subjects", SubjectQuality.section(data.resolve("arxiv-daily-cs/daily")));
  }

  static String keywordSection(Path data, DocumentFrequencies frequencies) throws IOException {
    KeywordExtractor extractor = new KeywordExtractor(frequencies);
    StringBuilder out = new StringBuilder();
    out.append("Extractor version `").append(KeywordExtractor.VERSION).append("`, background statistics from ")
        .append(String.format(Locale.ROOT, "%,d", frequencies.documents())).append(" arXiv listings (`paperpulse train`).\n\n");
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
    return out.toString();
  }

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
