package io.paperpulse.streams.enrichment;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.ScoredKeyword;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.Idf;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.RecentFrequencies;
import io.paperpulse.streams.topics.Taxonomy;
import io.paperpulse.streams.topics.TopicClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Adds keywords and topics to a paper. Topics come from its arXiv categories when it has any (the
 * primary scores 1.0, cross-lists 0.5), else from the topic classifier.
 */
public final class Enricher {
  static final String VERSION = KeywordExtractor.VERSION + "+topics-3";
  static final int KEYWORDS = 10;
  static final int PREDICTED_TOPICS = 3;

  private final DocumentFrequencies frequencies;
  private final KeywordExtractor extractor;
  private final TopicClassifier classifier;

  Enricher(DocumentFrequencies frequencies, TopicClassifier classifier) {
    this.frequencies = frequencies;
    this.extractor = new KeywordExtractor(frequencies);
    this.classifier = classifier;
  }

  /** The enricher with the statistics and topic model shipped with PaperPulse. */
  public static Enricher bundled() {
    DocumentFrequencies frequencies = DocumentFrequencies.bundled();
    return new Enricher(frequencies, TopicClassifier.bundled());
  }

  /** The background corpus's statistics, which {@link RecentFrequencies} builds on. */
  DocumentFrequencies frequencies() {
    return frequencies;
  }

  /** Enriches with the background's idf alone. */
  public EnrichedPaper enrich(Paper paper) {
    return enrich(paper, frequencies, hash -> {});
  }

  /**
   * Enriches with {@code idf}; the hash of each of the paper's candidate keywords goes to {@code
   * candidates}.
   */
  public EnrichedPaper enrich(Paper paper, Idf idf, LongConsumer candidates) {
    List<ScoredKeyword> keywords = new ArrayList<>();
    for (KeywordExtractor.Keyword k :
        extractor.extract(paper.getTitle(), paper.getAbstract$(), KEYWORDS, idf, candidates)) {
      keywords.add(new ScoredKeyword(k.key(), k.label(), k.score()));
    }
    List<ScoredTopic> topics = new ArrayList<>();
    if (!paper.getCategories().isEmpty()) {
      List<String> names = Taxonomy.topicsOf(paper.getCategories());
      for (int i = 0; i < names.size(); i++) {
        topics.add(new ScoredTopic(names.get(i), i == 0 ? 1.0 : 0.5, true));
      }
    } else {
      for (TopicClassifier.Prediction p : classifier.predict(paper.getTitle(), paper.getAbstract$(), PREDICTED_TOPICS)) {
        topics.add(new ScoredTopic(p.topic(), p.score(), false));
      }
    }
    return new EnrichedPaper(paper, keywords, topics, VERSION);
  }
}
