package io.paperpulse.streams.train;

import io.paperpulse.streams.keywords.AcronymTable;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.subjects.Taxonomy;
import io.paperpulse.streams.subjects.SubjectClassifier;
import io.paperpulse.streams.subjects.SubjectTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the two model resources the enrichment uses, the background document frequencies and the
 * subject model, from arXiv listings that the caller reads ({@link TrainingPapers}). Listing days
 * whose epoch day is a multiple of ten are held out of both, so the quality benchmark can measure subject accuracy on days the models never saw. The subject
 * model also leaves out every paper that is listed on a held-out day as well (a paper can be listed
 * on several days), and learns each paper once.
 */
public final class ModelTrainer {
  /** The file of the subject model in the model folder. */
  public static final String SUBJECT_MODEL = "subject-model.bin.gz";
  /** The file of the acronym table in the model folder. */
  public static final String ACRONYMS = "acronyms.tsv";

  /** One listing of a paper with categories: its day, id, text and categories (primary first). */
  public record Listed(LocalDate day, String id, String title, String text, List<String> categories) {
    /** The subject of the primary category, which the subject model learns to guess. */
    public String subject() {
      return Taxonomy.subjectOf(categories.get(0));
    }
  }

  /** The listings with categories that a set of inputs holds, in file order, and how many records were rejected. */
  public record Listings(List<Listed> all, long rejected) {
    /** Every listing on a training day, repeats included: the background corpus of the keyword statistics. */
    public List<Listed> trainingDays() {
      return all.stream().filter(l -> !heldOut(l.day())).toList();
    }

    /** Each paper of the training days once (its first listing), unless it is also listed on a held-out day. */
    public List<Listed> subjectTraining() {
      Set<String> skip = new HashSet<>();
      all.stream().filter(l -> heldOut(l.day())).forEach(l -> skip.add(l.id()));
      return all.stream().filter(l -> !heldOut(l.day()) && skip.add(l.id())).toList();
    }

    /** Each paper of the held-out days once (its first held-out listing): the subject model's test set. */
    public List<Listed> heldOutPapers() {
      Set<String> seen = new HashSet<>();
      return all.stream().filter(l -> heldOut(l.day()) && seen.add(l.id())).toList();
    }
  }

  private ModelTrainer() {}

  /** Whether a listing day is held out of training, for evaluation. */
  public static boolean heldOut(LocalDate day) {
    return day.toEpochDay() % 10 == 0;
  }

  /** The listings with categories among the papers of {@code source}. */
  public static Listings read(TrainingPapers source) throws IOException {
    List<Listed> all = new ArrayList<>();
    long rejected = source.read(paper -> {
      if (!paper.getCategories().isEmpty()) {
        LocalDate day = LocalDate.ofInstant(paper.getPublished(), ZoneOffset.UTC);
        all.add(new Listed(day, paper.getId(), paper.getTitle(), paper.getAbstract$(), List.copyOf(paper.getCategories())));
      }
    });
    return new Listings(all, rejected);
  }

  /**
   * Reads the papers of {@code source} and writes {@code document-frequencies.tsv.gz}, {@value #ACRONYMS}
   * and {@value #SUBJECT_MODEL} into {@code out}.
   */
  public static void train(TrainingPapers source, Path out, int minDf, PrintStream log) throws IOException {
    Listings listings = read(source);
    List<Listed> days = listings.trainingDays();
    DocumentFrequencies.Builder df = new DocumentFrequencies.Builder();
    for (Listed listed : days) {
      df.add(listed.title(), listed.text());
    }
    ByteArrayOutputStream dfBytes = new ByteArrayOutputStream();
    df.write(dfBytes, minDf);
    Files.createDirectories(out);
    Files.write(out.resolve("document-frequencies.tsv.gz"), dfBytes.toByteArray());
    DocumentFrequencies frequencies = DocumentFrequencies.read(new ByteArrayInputStream(dfBytes.toByteArray()));
    log.printf("keywords: %,d listings of training days (%,d rejected records): %,d keys with df >= %d%n",
        days.size(), listings.rejected(), frequencies.size(), minDf);

    AcronymTable.Builder acronyms = new AcronymTable.Builder();
    Set<String> seen = new HashSet<>();
    for (Listed listed : days) {
      if (seen.add(listed.id())) {
        acronyms.add(listed.title(), listed.text());
      }
    }
    AcronymTable table = acronyms.build();
    ByteArrayOutputStream acronymBytes = new ByteArrayOutputStream();
    table.write(acronymBytes);
    Files.write(out.resolve(ACRONYMS), acronymBytes.toByteArray());
    log.printf("acronyms: %,d papers of training days: %,d acronyms defined one way%n", seen.size(), table.size());

    long started = System.nanoTime();
    List<Listed> papers = listings.subjectTraining();
    SubjectClassifier subjects = trainSubjects(papers, SubjectTrainer.Settings.DEFAULTS);
    ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
    subjects.write(modelBytes);
    Files.write(out.resolve(SUBJECT_MODEL), modelBytes.toByteArray());
    log.printf("subjects: %,d papers, %d subjects, %,d weights, %,d bytes, %.1f s%n", papers.size(),
        subjects.subjects().size(), subjects.weights(), modelBytes.size(), (System.nanoTime() - started) / 1e9);
  }

  /** Fits a subject model to papers, each labelled with its primary category's subject. */
  public static SubjectClassifier trainSubjects(List<Listed> papers, SubjectTrainer.Settings settings) {
    SubjectTrainer trainer = new SubjectTrainer(settings);
    for (Listed paper : papers) {
      trainer.add(paper.subject(), paper.title(), paper.text());
    }
    return trainer.train();
  }
}
