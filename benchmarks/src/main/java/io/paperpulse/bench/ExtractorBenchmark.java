package io.paperpulse.bench;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.keywords.DocumentFrequencies;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.MentionTerms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH, one thread (so papers per second per core): PaperPulse's keyword extractor, the whole
 * enrichment (keywords and subjects), the terms a paper mentions, and the two together, beside
 * Lucene's StandardAnalyzer only tokenizing the same titles and abstracts. Each operation is one
 * paper; the papers cycle through 5,000 real ones.
 *
 * <p>Usage: {@code ExtractorBenchmark SHARED_DATA_DIR REPORT.md}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class ExtractorBenchmark {
  static final int PAPERS = 5_000;
  static final String DATA = "paperpulse.bench.data";

  private List<Paper> papers;
  private KeywordExtractor extractor;
  private Enricher enricher;
  private Analyzer analyzer;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<Paper> all = Archive.papers(Archive.dailyListings(Path.of(System.getProperty(DATA))));
    papers = new ArrayList<>(all.subList(0, Math.min(PAPERS, all.size())));
    extractor = new KeywordExtractor(DocumentFrequencies.bundled());
    enricher = Enricher.bundled();
    analyzer = new StandardAnalyzer();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    analyzer.close();
  }

  private Paper nextPaper() {
    Paper paper = papers.get(next);
    next = next + 1 == papers.size() ? 0 : next + 1;
    return paper;
  }

  @Benchmark
  public List<KeywordExtractor.Keyword> keywordExtractor() {
    Paper paper = nextPaper();
    return extractor.extract(paper.getTitle(), paper.getAbstract$(), 10);
  }

  @Benchmark
  public EnrichedPaper enrichment() {
    return enricher.enrich(nextPaper());
  }

  @Benchmark
  public List<MentionTerms.Term> mentionTerms() {
    Paper paper = nextPaper();
    return MentionTerms.of(paper.getTitle(), paper.getAbstract$());
  }

  /** What the enrichment task does with a paper's text: its keywords and subjects, then the terms it mentions. */
  @Benchmark
  public void enrichmentAndMentionTerms(Blackhole sink) {
    Paper paper = nextPaper();
    sink.consume(enricher.enrich(paper));
    sink.consume(MentionTerms.of(paper.getTitle(), paper.getAbstract$()));
  }

  @Benchmark
  public void luceneStandardAnalyzer(Blackhole sink) throws IOException {
    Paper paper = nextPaper();
    try (TokenStream tokens = analyzer.tokenStream("text", paper.getTitle() + "\n" + paper.getAbstract$())) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        sink.consume(term.length());
      }
      tokens.end();
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    Path report = Path.of(args[1]);
    Archive.dailyListings(data);
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(ExtractorBenchmark.class.getName())
        .jvmArgsAppend("-D" + DATA + "=" + data)
        .build()).run();
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      scores.put(name.substring(name.lastIndexOf('.') + 1),
          new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
    }
    double lucene = scores.get("luceneStandardAnalyzer")[0];
    StringBuilder out = new StringBuilder();
    out.append("## Keyword extractor (JMH)\n\n");
    out.append("Machine: ").append(Report.machine()).append(".\n\n");
    out.append("Reproduce: `./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl benchmarks exec:exec@extractor`\n\n");
    out.append("One thread, so the rates are per core. Each operation is one paper (title and abstract), cycling through the first "
        + String.format(Locale.ROOT, "%,d", PAPERS) + " distinct papers of `../shared/data/arxiv-daily-cs`; JMH with 1 fork, 3 warm-up and 5 measured "
        + "iterations of 3 s. Lucene 9.12's StandardAnalyzer only tokenizes (and lower-cases, drops stop words); the extractor "
        + "also finds candidate phrases, normalises them and scores them with the IDF.\n\n");
    out.append("| benchmark | papers/s per core | ± (99.9%) | vs StandardAnalyzer |\n|---|---|---|---|\n");
    String[][] rows = {
      {"keywordExtractor", "PaperPulse keyword extractor (top 10)"},
      {"enrichment", "whole enrichment (keywords + subjects)"},
      {"mentionTerms", "the terms a paper mentions, alone"},
      {"enrichmentAndMentionTerms", "enrichment, then the terms the paper mentions (the enrichment task's text work)"},
      {"luceneStandardAnalyzer", "Lucene StandardAnalyzer, tokens only"}
    };
    for (String[] row : rows) {
      double[] s = scores.get(row[0]);
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", row[1], Report.rate(s[0]), Report.rate(s[1]), s[0] / lucene));
    }
    double apart = 1 / (1 / scores.get("enrichment")[0] + 1 / scores.get("mentionTerms")[0]);
    out.append(String.format(Locale.ROOT, "%nThe enrichment and the mention terms one after the other on the same paper read its title and "
        + "abstract once: %s papers/s, against %s for the two rates apart (the time of one plus the time of the other).%n",
        Report.rate(scores.get("enrichmentAndMentionTerms")[0]), Report.rate(apart)));
    double extractorRate = scores.get("keywordExtractor")[0];
    out.append(String.format(Locale.ROOT, "%nGoal: at least 20,000 abstracts/s per core for the extractor: **%s** (%s).%n",
        extractorRate >= 20_000 ? "met" : "missed", Report.rate(extractorRate)));
    Report.section(report, "extractor", out.toString());
  }
}
