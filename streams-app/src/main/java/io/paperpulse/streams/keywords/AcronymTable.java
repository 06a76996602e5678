package io.paperpulse.streams.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The acronyms that papers define one way: "LLM" is "large language model" in nearly every one of the
 * archive's thousands of definitions ({@link Acronyms}: "large language models (LLMs)"). A paper that writes "LLMs"
 * without defining it then counts it under "large language model" too, as a paper that defines it
 * does ({@link TermTally}), and a keyword typed as "LLM" finds that phrase ({@link MentionTerms#keyOf}).
 *
 * <p>Built by {@code paperpulse train} from the listings of the training days: an acronym is in the
 * table when it is one word and at least {@value #MIN_PAPERS} papers define it and at least {@value #MIN_SHARE} of them
 * with one phrase whose words begin with the acronym's capitals ({@link #initialsSpell}), counting phrases that differ only in their spaces as one ("multi modal" and
 * "multimodal"); the table keeps that phrase's most common key, and its most common words as written,
 * lower-cased, as its label. "ASR" (automatic speech recognition in 72% of its definitions, attack
 * success rate in 23%) and "MAE" (mean absolute error, masked autoencoder) are not in it.
 */
public final class AcronymTable {
  /** The bundled table, as {@code paperpulse train} writes it. */
  public static final String RESOURCE = "/io/paperpulse/streams/model/acronyms.tsv";
  /** Papers that must define an acronym before it is in the table. */
  static final int MIN_PAPERS = 20;
  /** The share of those papers that must define it with one phrase. */
  static final double MIN_SHARE = 0.9;

  /** The phrase of an acronym: its key and its label. */
  public record Expansion(String key, String label) {}

  private static final class Holder {
    static final AcronymTable BUNDLED = load();

    private static AcronymTable load() {
      try (InputStream in = AcronymTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE + ": run 'paperpulse train'");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Map<String, Expansion> byAcronym;

  AcronymTable(Map<String, Expansion> byAcronym) {
    this.byAcronym = Map.copyOf(byAcronym);
  }

  /** The table shipped with the app. */
  public static AcronymTable bundled() {
    return Holder.BUNDLED;
  }

  /** The phrase of the acronym whose key is {@code acronymKey} ("llm"), or null. */
  public Expansion get(String acronymKey) {
    return byAcronym.get(acronymKey);
  }

  /** How many acronyms the table holds. */
  public int size() {
    return byAcronym.size();
  }

  /** The keys of the acronyms whose phrase has the key {@code phraseKey} ("llm" for "large language model"), sorted. */
  public List<String> acronymsOf(String phraseKey) {
    return byAcronym.entrySet().stream().filter(e -> e.getValue().key().equals(phraseKey)).map(Map.Entry::getKey).sorted().toList();
  }

  /** {@code key}, or the key of its phrase when it is an acronym of the table. */
  public String fold(String key) {
    Expansion expansion = byAcronym.get(key);
    return expansion == null ? key : expansion.key();
  }

  /** Reads a table: one acronym a line, tab-separated: its key, its phrase's key and label; '#' starts a comment. */
  public static AcronymTable read(InputStream in) throws IOException {
    Map<String, Expansion> table = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      if (fields.length < 3) {
        throw new IOException("acronym table line " + number + ": expected acronym, phrase key and label, got '" + line + "'");
      }
      table.put(fields[0], new Expansion(fields[1], fields[2]));
    }
    for (Map.Entry<String, Expansion> e : table.entrySet()) {
      if (table.containsKey(e.getValue().key())) {
        throw new IOException("acronym table: '" + e.getKey() + "' folds to '" + e.getValue().key() + "', itself an acronym of the table");
      }
    }
    return new AcronymTable(table);
  }

  /** Writes the table in the form {@link #read} reads, sorted by acronym key. */
  public void write(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write("# acronym key, phrase key, phrase label: built by 'paperpulse train' (AcronymTable)\n");
    for (Map.Entry<String, Expansion> e : new TreeMap<>(byAcronym).entrySet()) {
      writer.write(e.getKey() + "\t" + e.getValue().key() + "\t" + e.getValue().label() + "\n");
    }
    writer.flush();
  }

  /**
   * Whether each capital of {@code acronym} begins a word of {@code phrase}, in order (a word may
   * begin with digits first: "3D" of "3DGS"): "LiDAR" and "light detection and ranging" do, while
   * "PPO" and "policy optimization", the shortest phrase that spells it from "proximal policy
   * optimization (PPO)", do not.
   */
  static boolean initialsSpell(String acronym, String phrase) {
    String[] words = phrase.split("[ \\-]+");
    int next = 0;
    for (int i = 0; i < acronym.length(); i++) {
      char c = acronym.charAt(i);
      if (!Character.isUpperCase(c)) {
        continue;
      }
      char initial = Character.toLowerCase(c);
      while (next < words.length && !beginsWith(words[next], initial)) {
        next++;
      }
      if (next == words.length) {
        return false;
      }
      next++;
    }
    return true;
  }

  private static boolean beginsWith(String word, char initial) {
    int i = 0;
    while (i < word.length() - 1 && Character.isDigit(word.charAt(i))) {
      i++;
    }
    return !word.isEmpty() && word.charAt(i) == initial;
  }

  /** Counts the definitions of a corpus, then builds the table. */
  public static final class Builder {
    /** The phrase key under which a definition whose initials do not spell its acronym counts. */
    private static final String MISREAD = "";
    /** Per acronym key: per phrase key, the papers defining it so. */
    private final Map<String, Map<String, Integer>> definitions = new TreeMap<>();
    /** Per phrase key: its labels, with their counts. */
    private final Map<String, Map<String, Integer>> labels = new HashMap<>();

    /** Counts the acronyms one paper defines, each once, by the first definition (as {@link TermTally} reads them). */
    public void add(String title, String text) {
      Set<String> defined = new HashSet<>();
      for (String part : new String[] {title == null ? "" : title, text == null ? "" : text}) {
        List<Tokenizer.Token> tokens = Tokenizer.tokenize(part);
        Acronyms.forEach(part, tokens, d -> {
          String acronymKey = tokens.get(d.acronym()).stem();
          String key = TermTally.phraseKey(tokens, d);
          if (key == null || key.equals(acronymKey) || acronymKey.indexOf(' ') >= 0 || !defined.add(acronymKey)) {
            // An acronym whose key has two words ("Video-LLM", "video llm") is as often written as two
            // words, which no one-word span folds: it stays out, so a typed one and a paper's agree.
            return;
          }
          StringBuilder label = new StringBuilder();
          for (int i = d.start(); i < d.start() + d.words(); i++) {
            label.append(i == d.start() ? "" : " ").append(tokens.get(i).lower());
          }
          String phrase = initialsSpell(tokens.get(d.acronym()).surface(), label.toString()) ? key : MISREAD;
          definitions.computeIfAbsent(acronymKey, a -> new TreeMap<>()).merge(phrase, 1, Integer::sum);
          labels.computeIfAbsent(key, k -> new HashMap<>()).merge(label.toString(), 1, Integer::sum);
        });
      }
    }

    /** The acronyms that meet the table's rule, by key. */
    public AcronymTable build() {
      Map<String, Expansion> table = new TreeMap<>();
      definitions.forEach((acronym, phrases) -> {
        int papers = phrases.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> bySpelling = new HashMap<>();
        phrases.forEach((key, n) -> bySpelling.merge(key.replace(" ", ""), n, Integer::sum));
        Map.Entry<String, Integer> top = best(bySpelling);
        if (papers < MIN_PAPERS || top.getKey().equals(MISREAD) || top.getValue() < MIN_SHARE * papers) {
          return;
        }
        Map<String, Integer> spelled = new HashMap<>();
        phrases.forEach((key, n) -> {
          if (key.replace(" ", "").equals(top.getKey())) {
            spelled.put(key, n);
          }
        });
        String key = best(spelled).getKey();
        table.put(acronym, new Expansion(key, best(labels.get(key)).getKey()));
      });
      table.values().removeIf(e -> table.containsKey(e.key())); // no chains: folding a key once is final
      return new AcronymTable(table);
    }

    /** The entry with the highest count, then the first key in order. */
    private static Map.Entry<String, Integer> best(Map<String, Integer> counts) {
      Map.Entry<String, Integer> best = null;
      for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
        if (best == null || e.getValue() > best.getValue()) {
          best = e;
        }
      }
      return best;
    }
  }
}
