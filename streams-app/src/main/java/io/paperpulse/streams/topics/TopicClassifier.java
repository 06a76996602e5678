package io.paperpulse.streams.topics;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Guesses the topics of a paper that has no arXiv categories (trending pages, some feeds) from its
 * words: multinomial naive Bayes over stemmed content words, trained on arXiv listings whose
 * primary category gives the topic. Each topic keeps the counts of its {@link #TERMS_PER_TOPIC}
 * most frequent words, so the model stays small; other words get the smoothing count only.
 */
public final class TopicClassifier {
  public static final String RESOURCE = "/io/paperpulse/streams/model/topic-model.tsv.gz";
  static final int TERMS_PER_TOPIC = 4_000;
  private static final double SMOOTHING = 0.5;

  /** A topic and how likely it is; the scores of one answer sum to 1. */
  public record Prediction(String topic, double score) {}

  /** One topic's statistics: papers, word occurrences, and the kept word counts. */
  private record TopicStats(long papers, long words, Map<String, Long> counts) {}

  private final Map<String, TopicStats> topics;
  private final long papers;
  private final long vocabulary;

  private TopicClassifier(Map<String, TopicStats> topics, long vocabulary) {
    this.topics = topics;
    this.papers = topics.values().stream().mapToLong(TopicStats::papers).sum();
    this.vocabulary = vocabulary;
  }

  public static TopicClassifier bundled() {
    try (InputStream in = TopicClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + ": run 'paperpulse train'");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The best {@code limit} topics, best first, with their posterior probabilities renormalised over those. */
  public List<Prediction> predict(String title, String text, int limit) {
    Map<String, Integer> tf = new HashMap<>();
    for (String word : KeywordExtractor.words(title + " . " + title + " . " + text)) {
      tf.merge(word, 1, Integer::sum);
    }
    List<Prediction> scored = new ArrayList<>();
    for (Map.Entry<String, TopicStats> topic : topics.entrySet()) {
      TopicStats stats = topic.getValue();
      double denominator = Math.log(stats.words() + SMOOTHING * vocabulary);
      double logP = Math.log((double) stats.papers() / papers);
      for (Map.Entry<String, Integer> word : tf.entrySet()) {
        long count = stats.counts().getOrDefault(word.getKey(), 0L);
        logP += word.getValue() * (Math.log(count + SMOOTHING) - denominator);
      }
      scored.add(new Prediction(topic.getKey(), logP));
    }
    scored.sort(Comparator.comparingDouble(Prediction::score).reversed().thenComparing(Prediction::topic));
    List<Prediction> best = scored.subList(0, Math.min(limit, scored.size()));
    if (best.isEmpty()) {
      return List.of();
    }
    double max = best.get(0).score();
    double sum = best.stream().mapToDouble(p -> Math.exp(p.score() - max)).sum();
    return best.stream().map(p -> new Prediction(p.topic(), Math.exp(p.score() - max) / sum)).toList();
  }

  /** Counts words per topic, for {@code paperpulse train}. */
  public static final class Trainer {
    private final Map<String, Long> papers = new TreeMap<>();
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();

    public void add(String topic, String title, String text) {
      papers.merge(topic, 1L, Long::sum);
      Map<String, Long> topicCounts = counts.computeIfAbsent(topic, t -> new HashMap<>());
      for (String word : KeywordExtractor.words(title + " . " + title + " . " + text)) {
        topicCounts.merge(word, 1L, Long::sum);
        vocabulary.add(word);
      }
    }

    /**
     * Writes {@code #vocabulary<TAB>V}, then per topic {@code #topic<TAB>name<TAB>papers<TAB>words}
     * and its kept words as {@code name<TAB>word<TAB>count}.
     */
    public void write(OutputStream out) throws IOException {
      try (BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
        writer.write("#vocabulary\t" + vocabulary.size() + "\n");
        for (Map.Entry<String, Long> topic : papers.entrySet()) {
          Map<String, Long> words = counts.get(topic.getKey());
          long total = words.values().stream().mapToLong(Long::longValue).sum();
          writer.write("#topic\t" + topic.getKey() + "\t" + topic.getValue() + "\t" + total + "\n");
          List<Map.Entry<String, Long>> kept =
              words.entrySet().stream()
                  .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                  .limit(TERMS_PER_TOPIC)
                  .toList();
          for (Map.Entry<String, Long> word : kept) {
            writer.write(topic.getKey() + "\t" + word.getKey() + "\t" + word.getValue() + "\n");
          }
        }
      }
    }
  }

  static TopicClassifier read(InputStream gzipped) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
    long vocabulary = 0;
    Map<String, long[]> sizes = new HashMap<>();
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (String line; (line = reader.readLine()) != null; ) {
      String[] parts = line.split("\t");
      if (parts[0].equals("#vocabulary")) {
        vocabulary = Long.parseLong(parts[1]);
      } else if (parts[0].equals("#topic")) {
        sizes.put(parts[1], new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
        counts.put(parts[1], new HashMap<>());
      } else {
        counts.get(parts[0]).put(parts[1], Long.parseLong(parts[2]));
      }
    }
    Map<String, TopicStats> topics = new TreeMap<>();
    sizes.forEach((topic, size) -> topics.put(topic, new TopicStats(size[0], size[1], counts.get(topic))));
    return new TopicClassifier(topics, vocabulary);
  }
}
