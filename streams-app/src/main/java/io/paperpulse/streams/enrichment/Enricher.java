package io.paperpulse.streams.enrichment;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.ScoredKeyword;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.Idf;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.RecentFrequencies;
import io.paperpulse.streams.subjects.Taxonomy;
import io.paperpulse.streams.subjects.SubjectClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Adds keywords and subjects to a paper. Subjects come from its arXiv categories when it has any
 * (the primary scores 1.0, cross-lists 0.5), else from the subject classifier. They go in the
 * record's field {@code topics}, which keeps its name for existing readers.
 */
public final class Enricher {
  /** Written into every enriched paper; "topics" names the subject model's version, as before. */
  static final String VERSION = KeywordExtractor.VERSION + "+topics-3";
  static final int KEYWORDS = 10;
  static final int PREDICTED_SUBJECTS = 3;

  private final DocumentFrequencies frequencies;
  private final KeywordExtractor extractor;
  private final SubjectClassifier classifier;

  Enricher(DocumentFrequencies frequencies, SubjectClassifier classifier) {
    this.frequencies = frequencies;
    this.extractor = new KeywordExtractor(frequencies);
    this.classifier = classifier;
  }

  /** The enricher with the statistics and subject model shipped with PaperPulse. */
  public static Enricher bundled() {
    DocumentFrequencies frequencies = DocumentFrequencies.bundled();
    return new Enricher(frequencies, SubjectClassifier.bundled());
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
      keywords.add(ScoredKeyword.newBuilder().setKeyword(k.key()).setLabel(k.label()).setScore(k.score()).build());
    }
    List<ScoredTopic> subjects = new ArrayList<>();
    if (!paper.getCategories().isEmpty()) {
      List<String> names = Taxonomy.subjectsOf(paper.getCategories());
      for (int i = 0; i < names.size(); i++) {
        subjects.add(ScoredTopic.newBuilder().setTopic(names.get(i)).setScore(i == 0 ? 1.0 : 0.5).setFromCategory(true).build());
      }
    } else {
      for (SubjectClassifier.Prediction p : classifier.predict(paper.getTitle(), paper.getAbstract$(), PREDICTED_SUBJECTS)) {
        subjects.add(ScoredTopic.newBuilder().setTopic(p.subject()).setScore(p.score()).setFromCategory(false).build());
      }
    }
    return EnrichedPaper.newBuilder().setPaper(paper).setKeywords(keywords).setTopics(subjects).setExtractorVersion(VERSION).build();
  }
}
