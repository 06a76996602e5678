package io.paperpulse.streams.keywords;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * In how many documents of a background corpus each candidate keyword occurs: the statistics
 * behind the inverse document frequency that rewards keywords specific to a paper. Stored as
 * gzip-compressed TSV ({@code key<TAB>df}, first line {@code #documents<TAB>N}).
 */
public final class DocumentFrequencies {
  /** The resource built by {@code paperpulse train} from the shared arXiv listings. */
  public static final String RESOURCE = "/io/paperpulse/streams/model/document-frequencies.tsv.gz";

  private final long documents;
  private final Map<String, Integer> df;

  public DocumentFrequencies(long documents, Map<String, Integer> df) {
    this.documents = documents;
    this.df = df;
  }

  /** The statistics shipped with PaperPulse. */
  public static DocumentFrequencies bundled() {
    try (InputStream in = DocumentFrequencies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + ": run 'paperpulse train'");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DocumentFrequencies read(InputStream gzipped) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || !header.startsWith("#documents\t")) {
      throw new IOException("not a document-frequency file: first line is '" + header + "'");
    }
    long documents = Long.parseLong(header.substring("#documents\t".length()));
    Map<String, Integer> df = new HashMap<>(1 << 18);
    for (String line; (line = reader.readLine()) != null; ) {
      int tab = line.lastIndexOf('\t');
      df.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
    }
    return new DocumentFrequencies(documents, df);
  }

  public long documents() {
    return documents;
  }

  public int df(String key) {
    return df.getOrDefault(key, 0);
  }

  public int size() {
    return df.size();
  }

  /** Smoothed inverse document frequency: {@code ln((N + 1) / (df + 1)) + 1}. */
  public double idf(String key) {
    return Math.log((documents + 1.0) / (df(key) + 1.0)) + 1.0;
  }

  /** Counts candidate keywords over documents, for {@code paperpulse train}. */
  public static final class Builder {
    private final Map<String, Integer> counts = new HashMap<>(1 << 20);
    private long documents;

    public void add(String title, String text) {
      Set<String> seen = new HashSet<>();
      Candidates.forEach(Tokenizer.tokenize(title), c -> seen.add(c.key()));
      Candidates.forEach(Tokenizer.tokenize(text), c -> seen.add(c.key()));
      for (String key : seen) {
        counts.merge(key, 1, Integer::sum);
      }
      documents++;
    }

    /** Writes every key seen in at least {@code minDf} documents, in key order. */
    public void write(OutputStream out, int minDf) throws IOException {
      try (BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
        writer.write("#documents\t" + documents + "\n");
        for (String key : counts.keySet().stream().filter(k -> counts.get(k) >= minDf).sorted().toList()) {
          writer.write(key + "\t" + counts.get(key) + "\n");
        }
      }
    }

    public long documents() {
      return documents;
    }
  }
}
