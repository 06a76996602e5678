package io.paperpulse.streams.topics;

import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Guesses the topics of a paper that has no arXiv categories (trending pages, some feeds) from its
 * words: one TF-IDF centroid per topic, trained on arXiv listings whose primary category gives the
 * topic, and cosine similarity to each. Terms are single stemmed words; each centroid keeps its
 * strongest {@link #TERMS_PER_TOPIC} terms so the model stays small.
 */
public final class TopicClassifier {
  public static final String RESOURCE = "/io/paperpulse/streams/model/topic-centroids.tsv.gz";
  static final int TERMS_PER_TOPIC = 400;

  /** A topic and how well the paper matches it; the scores of one answer sum to 1. */
  public record Prediction(String topic, double score) {}

  private final Map<String, Map<String, Double>> centroids;
  private final DocumentFrequencies frequencies;

  public TopicClassifier(Map<String, Map<String, Double>> centroids, DocumentFrequencies frequencies) {
    this.centroids = centroids;
    this.frequencies = frequencies;
  }

  public static TopicClassifier bundled(DocumentFrequencies frequencies) {
    try (InputStream in = TopicClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + ": run 'paperpulse train'");
      }
      return new TopicClassifier(read(in), frequencies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The best {@code limit} topics, best first. */
  public List<Prediction> predict(String title, String text, int limit) {
    Map<String, Double> doc = vector(frequencies, title, text);
    List<Prediction> scored = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> topic : centroids.entrySet()) {
      double dot = 0;
      for (Map.Entry<String, Double> term : doc.entrySet()) {
        dot += term.getValue() * topic.getValue().getOrDefault(term.getKey(), 0.0);
      }
      if (dot > 0) {
        scored.add(new Prediction(topic.getKey(), dot));
      }
    }
    scored.sort(Comparator.comparingDouble(Prediction::score).reversed().thenComparing(Prediction::topic));
    List<Prediction> best = scored.subList(0, Math.min(limit, scored.size()));
    double sum = best.stream().mapToDouble(Prediction::score).sum();
    return best.stream().map(p -> new Prediction(p.topic(), p.score() / sum)).toList();
  }

  /** The L2-normalised TF-IDF vector of a paper's single-word keys. */
  static Map<String, Double> vector(DocumentFrequencies frequencies, String title, String text) {
    Map<String, Double> tf = new HashMap<>();
    for (String word : KeywordExtractor.words(title + " . " + text)) {
      tf.merge(word, 1.0, Double::sum);
    }
    double norm = 0;
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      double w = (1 + Math.log(e.getValue())) * frequencies.idf(e.getKey());
      e.setValue(w);
      norm += w * w;
    }
    double length = Math.sqrt(norm);
    if (length > 0) {
      tf.replaceAll((k, v) -> v / length);
    }
    return tf;
  }

  /** Sums paper vectors per topic, for {@code paperpulse train}. */
  public static final class Trainer {
    private final DocumentFrequencies frequencies;
    private final Map<String, Map<String, Double>> sums = new HashMap<>();

    public Trainer(DocumentFrequencies frequencies) {
      this.frequencies = frequencies;
    }

    public void add(String topic, String title, String text) {
      Map<String, Double> sum = sums.computeIfAbsent(topic, t -> new HashMap<>());
      vector(frequencies, title, text).forEach((k, v) -> sum.merge(k, v, Double::sum));
    }

    /** Writes each topic's strongest terms, normalised: {@code topic<TAB>term<TAB>weight}. */
    public void write(OutputStream out) throws IOException {
      try (BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
        for (String topic : sums.keySet().stream().sorted().toList()) {
          List<Map.Entry<String, Double>> top =
              sums.get(topic).entrySet().stream()
                  .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                  .limit(TERMS_PER_TOPIC)
                  .toList();
          double norm = Math.sqrt(top.stream().mapToDouble(e -> e.getValue() * e.getValue()).sum());
          for (Map.Entry<String, Double> e : top) {
            writer.write(topic + "\t" + e.getKey() + "\t" + String.format(java.util.Locale.ROOT, "%.6f", e.getValue() / norm) + "\n");
          }
        }
      }
    }
  }

  static Map<String, Map<String, Double>> read(InputStream gzipped) throws IOException {
    Map<String, Map<String, Double>> centroids = new LinkedHashMap<>();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
    for (String line; (line = reader.readLine()) != null; ) {
      String[] parts = line.split("\t");
      centroids.computeIfAbsent(parts[0], t -> new HashMap<>()).put(parts[1], Double.parseDouble(parts[2]));
    }
    return centroids;
  }
}
