package io.paperpulse.streams.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Finds the keywords of a paper from its title and abstract, in plain Java with no model download.
 *
 * <p>Candidates are runs of 1 to 3 words between stop words and punctuation ({@link Candidates}),
 * folded to one key per phrase ("Diffusion Models" and "diffusion model" are one keyword). Each is
 * scored by {@code tf * idf}, where a phrase of several words also counts {@value #WORD_MENTIONS}
 * of what its words are mentioned beyond it, with the idf from a background corpus of arXiv listings (in the
 * streams app, together with recent papers: {@link RecentFrequencies}), then boosted when it
 * appears in the title, as an acronym or as a longer phrase, and by how early it first occurs:
 * {@code 1 + 1 / (1 + p / }{@value #POSITION_WORDS}{@code )} for its first occurrence at word
 * {@code p} of the title followed by the abstract. A phrase of several words that the background
 * corpus holds at most once would get a near-maximal idf by chance alone; it gets instead
 * {@value #UNSEEN_PHRASE_IDF} times the mean idf of its words, an estimate from what is known. A
 * phrase the paper writes only as the start of a longer one ("bi-granular document" before
 * "representation") weighs {@value #INNER_PHRASE}, a single word it writes only inside phrases
 * {@value #INNER_WORD}, and a phrase that begins with a vague modifier ("similar results") {@value
 * #GENERIC_START}. A keyword inside a better one is dropped, and so is one that holds two better
 * ones, so no phrase shows at three lengths ("bi-granular", "bi-granular document", "bi-granular
 * document representation"). When that leaves the list short, the best dropped candidates that
 * hold or lie inside at most one chosen keyword fill it.
 */
public final class KeywordExtractor {
  /** Changes whenever the rules or the bundled statistics change. */
  public static final String VERSION = "kw-12";

  private static final double TITLE_BOOST = 2.0;
  private static final double ACRONYM_BOOST = 2.0;
  /** At which word of the paper (title, then abstract) the position boost's bonus over 1 has halved. */
  static final double POSITION_WORDS = 15;
  private static final double[] LENGTH_BOOST = {0, 1.0, 1.35, 1.5};
  /**
   * The idf of a rare phrase relative to the mean of its words' idf. Chosen on the keyphrase
   * benchmark (docs/keyword-quality.md): 0.9 scored better than the hard filter it replaced on all
   * three gold sets; 1.0 gained more on SemEval2017 and lost on WWW.
   */
  static final double UNSEEN_PHRASE_IDF = 0.9;
  /**
   * The weight of a phrase of several words that the paper never writes where its noun phrase ends
   * ({@link Candidates#endsPhrase}): "bi-granular document" of "bi-granular document
   * representation". Chosen on the keyphrase benchmark (docs/keyword-quality.md).
   */
  static final double INNER_PHRASE = 0.35;
  /**
   * The weight of a single word that the paper only writes inside longer phrases, never where a
   * noun phrase ends ("language" of "language model"). Chosen on the keyphrase benchmark
   * (docs/keyword-quality.md).
   */
  static final double INNER_WORD = 0.5;
  /**
   * The weight of a phrase of several words that begins with a {@linkplain Words#VAGUE_MODIFIERS
   * vague modifier} ("similar results"). Chosen on the keyphrase benchmark (docs/keyword-quality.md).
   */
  static final double GENERIC_START = 0.5;
  /**
   * How much of its words' own mentions a phrase of several words adds to its count: a phrase whose
   * words the paper keeps using is about what the paper is about ("sparse embeddings" in a paper
   * that writes "embeddings" eight times). Chosen on the keyphrase benchmark (docs/keyword-quality.md).
   */
  static final double WORD_MENTIONS = 0.5;

  /** One keyword of a paper. */
  public record Keyword(String key, String label, double score) {}

  private final DocumentFrequencies frequencies;

  public KeywordExtractor(DocumentFrequencies frequencies) {
    this.frequencies = frequencies;
  }

  /** A candidate's mentions in one paper: its surface forms with their counts, and where it stands. */
  private static final class Stats extends LabelCounts {
    final String key;
    final int words;
    int tf;
    boolean inTitle;
    boolean acronym;
    int firstPosition = Integer.MAX_VALUE;
    boolean ends;

    Stats(String key, int words) {
      this.key = key;
      this.words = words;
    }
  }

  /** The {@code limit} best keywords of a paper, best first, scored with the background's idf. */
  public List<Keyword> extract(String title, String text, int limit) {
    return extract(title, text, limit, frequencies, hash -> {});
  }

  /**
   * The {@code limit} best keywords of a paper, best first, scored with {@code idf}. The hash of
   * every candidate key goes to {@code candidates}, once each: what {@link RecentFrequencies}
   * counts.
   */
  public List<Keyword> extract(String title, String text, int limit, Idf idf, LongConsumer candidates) {
    Map<String, Stats> stats = new HashMap<>();
    List<Tokenizer.Token> titleTokens = Tokenizer.tokenize(title == null ? "" : title);
    collect(titleTokens, 0, stats, true);
    collect(Tokenizer.tokenize(text == null ? "" : text), titleTokens.size(), stats, false);
    List<Keyword> ranked = new ArrayList<>(stats.size());
    for (Stats s : stats.values()) {
      long hash = DocumentFrequencies.hash(s.key);
      candidates.accept(hash);
      ranked.add(new Keyword(s.key, s.label(), score(s, mentions(s, stats), idf(s, hash, idf))));
    }
    ranked.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::key));
    List<Keyword> chosen = new ArrayList<>(limit);
    for (Keyword candidate : ranked) {
      if (chosen.size() == limit) {
        break;
      }
      if (fitsBeside(chosen, candidate.key())) {
        chosen.add(candidate);
      }
    }
    fill(ranked, chosen, limit);
    return chosen;
  }

  /**
   * Fills a list that the first pass left short (a short abstract has few phrases that fit beside
   * each other) with the best skipped candidates that pair with at most one chosen keyword, itself
   * in no pair yet: a phrase may then show at two lengths, never at three. The list stays best first.
   */
  private static void fill(List<Keyword> ranked, List<Keyword> chosen, int limit) {
    if (chosen.size() == limit) {
      return;
    }
    Set<Keyword> taken = new HashSet<>(chosen);
    for (Keyword candidate : ranked) {
      if (chosen.size() == limit) {
        break;
      }
      if (!taken.contains(candidate) && pairsFreely(chosen, candidate.key())) {
        chosen.add(candidate);
      }
    }
    chosen.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::key));
  }

  /** Whether {@code key} relates (holds or lies inside) to no chosen keyword, or to one that relates to no other. */
  private static boolean pairsFreely(List<Keyword> chosen, String key) {
    Keyword partner = null;
    for (Keyword c : chosen) {
      if (related(c.key(), key)) {
        if (partner != null) {
          return false;
        }
        partner = c;
      }
    }
    if (partner != null) {
      for (Keyword c : chosen) {
        if (c != partner && related(c.key(), partner.key())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean related(String a, String b) {
    return overlaps(a, b) || overlaps(b, a);
  }

  /** Whether a candidate lies inside no chosen keyword and holds fewer than two of them. */
  private static boolean fitsBeside(List<Keyword> chosen, String key) {
    int holds = 0;
    for (Keyword c : chosen) {
      if (overlaps(c.key(), key)) {
        return false;
      }
      holds += overlaps(key, c.key()) ? 1 : 0;
    }
    return holds < 2;
  }

  private static double idf(Stats s, long hash, Idf idf) {
    int backgroundDf = idf.backgroundDf(hash);
    double own = idf.idf(hash, backgroundDf);
    if (s.words == 1 || backgroundDf >= 2) {
      return own;
    }
    double sum = 0;
    int parts = 1;
    int from = 0;
    for (int space; (space = s.key.indexOf(' ', from)) >= 0; from = space + 1, parts++) {
      sum += idf.idf(DocumentFrequencies.hash(s.key.substring(from, space)));
    }
    sum += idf.idf(DocumentFrequencies.hash(s.key.substring(from)));
    return Math.min(own, UNSEEN_PHRASE_IDF * sum / parts);
  }

  /**
   * A candidate's count for scoring: its own mentions, and for a phrase of several words {@value
   * #WORD_MENTIONS} times what its words, each counted as a candidate of its own, are mentioned
   * beyond it on average. A word that is no candidate of its own counts as the phrase's mentions.
   */
  private static double mentions(Stats s, Map<String, Stats> stats) {
    if (s.words == 1) {
      return s.tf;
    }
    long sum = 0;
    int parts = 0;
    for (int from = 0, space = 0; space >= 0; from = space + 1, parts++) {
      space = s.key.indexOf(' ', from);
      Stats word = stats.get(space < 0 ? s.key.substring(from) : s.key.substring(from, space));
      sum += word != null && word.words == 1 ? word.tf : s.tf;
    }
    return s.tf + WORD_MENTIONS * Math.max(0.0, (double) sum / parts - s.tf);
  }

  private static double score(Stats s, double mentions, double idf) {
    double position = 1.0 + 1.0 / (1.0 + s.firstPosition / POSITION_WORDS);
    return mentions
        * idf
        * (s.inTitle ? TITLE_BOOST : 1.0)
        * (s.acronym ? ACRONYM_BOOST : 1.0)
        * LENGTH_BOOST[s.words]
        * (s.ends ? 1.0 : s.words > 1 ? INNER_PHRASE : INNER_WORD)
        * (s.words > 1 && Words.VAGUE_MODIFIERS.contains(firstWord(s.key)) ? GENERIC_START : 1.0)
        * position;
  }

  private static String firstWord(String key) {
    int space = key.indexOf(' ');
    return space < 0 ? key : key.substring(0, space);
  }

  /** Counts the candidates of {@code tokens}, whose first word is word {@code offset} of the paper. */
  private static void collect(List<Tokenizer.Token> tokens, int offset, Map<String, Stats> stats, boolean title) {
    Candidates.forEach(
        tokens,
        c -> {
          Stats s = stats.computeIfAbsent(c.key(), k -> new Stats(k, c.words()));
          s.tf++;
          s.addLabel(c.label());
          s.acronym |= c.acronym();
          s.inTitle |= title;
          s.firstPosition = Math.min(s.firstPosition, offset + c.start());
          s.ends |= Candidates.endsPhrase(tokens, c.start() + c.words(), Candidates.KEYPHRASE_RULES);
        });
  }

  /**
   * The key a phrase typed by a person has among extracted keywords: its words stemmed and joined
   * by single spaces ("Diffusion Models" and "diffusion model" give "diffusion model").
   */
  public static String keyOf(String phrase) {
    StringBuilder key = new StringBuilder();
    for (Tokenizer.Token token : Tokenizer.tokenize(phrase)) {
      key.append(key.length() == 0 ? "" : " ").append(token.stem());
    }
    return key.toString();
  }

  /** The keys of every candidate keyword of a text, ranked or not. */
  public static Set<String> candidates(String text) {
    Set<String> keys = new HashSet<>();
    Candidates.forEach(Tokenizer.tokenize(text), c -> keys.add(c.key()));
    return keys;
  }

  /**
   * The runs of stemmed words between stop words and punctuation, with no other filter: what a plain
   * TF-IDF baseline works on.
   */
  public static List<List<String>> chunks(String text) {
    List<List<String>> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (Tokenizer.Token token : Tokenizer.tokenize(text)) {
      if (token.breakBefore() || Words.STOP.contains(token.lower())) {
        if (!current.isEmpty()) {
          chunks.add(current);
        }
        current = new ArrayList<>();
      }
      if (!Words.STOP.contains(token.lower())) {
        current.add(token.stem());
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  /** The stemmed content words of a text (no stop or generic words), for the subject classifier. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (Tokenizer.Token token : Tokenizer.tokenize(text)) {
      if (token.letters() >= 3 && !Words.STOP.contains(token.lower()) && !Words.GENERIC.contains(token.stem())) {
        words.add(token.stem());
      }
    }
    return words;
  }

  /** Whether the already chosen keyword holds {@code candidate} as whole words. */
  static boolean overlaps(String chosen, String candidate) {
    for (int at = chosen.indexOf(candidate); at >= 0; at = chosen.indexOf(candidate, at + 1)) {
      int end = at + candidate.length();
      if ((at == 0 || chosen.charAt(at - 1) == ' ') && (end == chosen.length() || chosen.charAt(end) == ' ')) {
        return true;
      }
    }
    return false;
  }
}
