package io.paperpulse.streams.train;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedException;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.feed.Rejection;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.topics.Taxonomy;
import io.paperpulse.streams.topics.TopicClassifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the two model resources the enrichment uses, from arXiv listings: the background document
 * frequencies and the naive Bayes topic model. Listing days whose epoch day is a multiple of ten are held
 * out of both, so the quality benchmark can measure topic accuracy on days the model never saw.
 */
public final class ModelTrainer {
  /** Paper text and primary topic, all the trainer keeps of a paper. */
  private record Doc(String title, String text, String topic) {}

  private ModelTrainer() {}

  /** Whether a listing day is held out of training, for evaluation. */
  public static boolean heldOut(LocalDate day) {
    return day.toEpochDay() % 10 == 0;
  }

  /** Reads the inputs and writes {@code document-frequencies.tsv.gz} and {@code topic-model.tsv.gz} into {@code out}. */
  public static void train(List<Path> inputs, Path out, int minDf, PrintStream log) throws IOException {
    List<Doc> docs = new ArrayList<>();
    long[] skipped = new long[2];
    FeedReader reader = new FeedReader(ParseOptions.defaults());
    for (Path file : FeedReader.expand(inputs)) {
      try {
        reader.read(file, new ParseListener() {
          @Override
          public void paper(Paper paper, String location) {
            LocalDate day = LocalDate.ofInstant(paper.getPublished(), ZoneOffset.UTC);
            if (heldOut(day) || paper.getCategories().isEmpty()) {
              skipped[0]++;
              return;
            }
            docs.add(new Doc(paper.getTitle(), paper.getAbstract$(), Taxonomy.topicOf(paper.getCategories().get(0))));
          }

          @Override
          public void rejected(Rejection rejection) {
            skipped[1]++;
          }
        });
      } catch (FeedException e) {
        skipped[1]++;
      }
    }
    DocumentFrequencies.Builder df = new DocumentFrequencies.Builder();
    for (Doc doc : docs) {
      df.add(doc.title(), doc.text());
    }
    ByteArrayOutputStream dfBytes = new ByteArrayOutputStream();
    df.write(dfBytes, minDf);
    Files.createDirectories(out);
    Files.write(out.resolve("document-frequencies.tsv.gz"), dfBytes.toByteArray());
    DocumentFrequencies frequencies = DocumentFrequencies.read(new ByteArrayInputStream(dfBytes.toByteArray()));
    TopicClassifier.Trainer topics = new TopicClassifier.Trainer();
    for (Doc doc : docs) {
      topics.add(doc.topic(), doc.title(), doc.text());
    }
    try (OutputStream model = Files.newOutputStream(out.resolve("topic-model.tsv.gz"))) {
      topics.write(model);
    }
    log.printf(
        "trained on %,d papers (%,d held out or without categories, %,d rejected): %,d keys with df >= %d%n",
        docs.size(), skipped[0], skipped[1], frequencies.size(), minDf);
  }
}
