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
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * In how many documents of a background corpus each candidate keyword occurs: the statistics
 * behind the inverse document frequency that rewards keywords specific to a paper. Stored as
 * gzip-compressed TSV ({@code key<TAB>df}, first line {@code #documents<TAB>N}).
 */
public final class DocumentFrequencies implements Idf {
  /** The resource built by {@code paperpulse train} from the shared arXiv listings. */
  public static final String RESOURCE = "/io/paperpulse/streams/model/document-frequencies.tsv.gz";

  private final long documents;
  /**
   * The counts in an open-addressing table keyed by a 64-bit hash of the key: one cache miss a
   * lookup where a {@code HashMap<String, Integer>} of half a million keys costs several (a JFR
   * profile of a backfill had a fifth of all CPU time in {@code HashMap.getNode}). A slot is one
   * long, the hash's top {@value #FINGERPRINT_BITS} bits above the count: half the memory of a slot
   * holding both whole (8 MiB for the bundled statistics' 447,209 keys). The slot a key starts from
   * is given by the hash's low bits; a lookup takes another key for its own with a probability of
   * about 2⁻⁴⁰.
   */
  private final long[] table;
  private final int mask;
  private final int size;

  private static final int COUNT_BITS = 24;
  private static final int FINGERPRINT_BITS = 64 - COUNT_BITS;
  /** The largest count a slot holds; a larger one is stored as this. */
  static final long MAX_COUNT = (1L << COUNT_BITS) - 1;

  public DocumentFrequencies(long documents, Map<String, Integer> df) {
    this.documents = documents;
    int capacity = Integer.highestOneBit(Math.max(16, df.size() * 2 - 1)) << 1;
    this.table = new long[capacity];
    this.mask = capacity - 1;
    this.size = df.size();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      long hash = hash(e.getKey());
      long fingerprint = fingerprint(hash);
      int slot = (int) hash & mask;
      while (table[slot] != 0 && (table[slot] >>> COUNT_BITS) != fingerprint) {
        slot = (slot + 1) & mask;
      }
      table[slot] = fingerprint << COUNT_BITS | Math.min(MAX_COUNT, Math.max(0, e.getValue()));
    }
  }

  /** The top bits of a hash, never 0, so a slot holding a key is never 0. */
  private static long fingerprint(long hash) {
    long fingerprint = hash >>> COUNT_BITS;
    return fingerprint == 0 ? 1 : fingerprint;
  }

  /** FNV-1a over the chars, then a murmur3 finaliser; never 0, which marks an empty slot. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
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
    return df(hash(key));
  }

  /** The document frequency of the key with this {@link #hash}. */
  public int df(long hash) {
    long fingerprint = fingerprint(hash);
    for (int slot = (int) hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
      if (table[slot] >>> COUNT_BITS == fingerprint) {
        return (int) (table[slot] & MAX_COUNT);
      }
    }
    return 0;
  }

  public int size() {
    return size;
  }

  /** Smoothed inverse document frequency: {@code ln((N + 1) / (df + 1)) + 1}. */
  public double idf(String key) {
    return idfOfDf(df(key));
  }

  @Override
  public int backgroundDf(long hash) {
    return df(hash);
  }

  @Override
  public double idf(long hash, int backgroundDf) {
    return idfOfDf(backgroundDf);
  }

  /** The idf of a key known to occur in {@code df} documents. */
  public double idfOfDf(int df) {
    return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
  }

  /** Counts candidate keywords over documents, for {@code paperpulse train}. */
  public static final class Builder {
    private final Map<String, Integer> counts = new HashMap<>(1 << 20);
    private long documents;

    public void add(String title, String text) {
      Set<String> seen = KeywordExtractor.candidates(title);
      seen.addAll(KeywordExtractor.candidates(text));
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
