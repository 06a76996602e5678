package io.paperpulse.bench;

import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.MentionTerms;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Invented phrases for {@link InjectedBursts}, "zorblax quentim sheaves" style: two made-up words
 * that none of the papers they go into uses, then a real plural noun. Every term a phrase brings (its key,
 * and the sub-phrases such as "quentim sheaves") holds a made-up word but the noun alone, which is
 * no listable keyword; so an alert on any of them is the injection's doing, and the phrases never
 * touch a real keyword's counts.
 *
 * <p>The phrase's last two words ("quentim sheaves") are a listable term of their own that every
 * paper with the phrase mentions, and no other paper: the same counts under a second key, which
 * one run can leave unwatched while it watches the whole phrase. (Its first two words, "zorblax
 * quentim", always have the noun after them: a fragment, which no list or global alert takes.)
 */
final class InventedPhrases {
  /** Sentences of stop words only around the phrase, so they bring no term of their own. */
  private static final String[] SENTENCES = {"We use %s.", "We also use %s.", "We introduce %s.", "Here we present %s."};

  private static final String[] ONSETS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "t", "v", "z", "br", "dr", "gl", "kr", "pl", "tr", "sk"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};
  /** Endings that are no suffix the tokenizer, the stemmer or the listable rules treat specially. */
  private static final String[] CODAS = {"k", "m", "n", "r", "t", "x", "z", "rn", "lk", "mp"};
  private static final String[] NOUNS = {
    "sheaves", "kernels", "embeddings", "operators", "manifolds", "priors", "codes", "graphs", "lattices", "bundles",
    "sketches", "circuits", "filters", "tensors", "fields", "flows", "barriers", "tokens", "adapters", "spectra"
  };

  private final Random random;
  private final Set<String> vocabulary;
  private final Set<String> used = new HashSet<>();

  /**
   * @param vocabulary every lower-case word of the papers the phrases go into, which no made-up
   *     word may be
   */
  InventedPhrases(Random random, Set<String> vocabulary) {
    this.random = random;
    this.vocabulary = vocabulary;
  }

  /** A new phrase: listable, one term of its own in a sentence, sharing no made-up word. */
  String next() {
    while (true) {
      String first = word();
      String second = word();
      String phrase = first + " " + second + " " + NOUNS[random.nextInt(NOUNS.length)];
      if (first.equals(second) || used.contains(first) || used.contains(second) || !countable(phrase)) {
        continue;
      }
      used.add(first);
      used.add(second);
      return phrase;
    }
  }

  /** The sentence that mentions {@code phrase} in an abstract; which of them, by {@code variant}. */
  static String sentence(String phrase, int variant) {
    return String.format(Locale.ROOT, SENTENCES[Math.floorMod(variant, SENTENCES.length)], phrase);
  }

  /** The phrase's last two words: a term with the phrase's counts that ends where the phrase does. */
  static String twin(String phrase) {
    return phrase.substring(phrase.indexOf(' ') + 1);
  }

  /** The phrase as a title writes it. */
  static String titleCase(String phrase) {
    StringBuilder out = new StringBuilder();
    for (String word : phrase.split(" ")) {
      out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** Every term a paper gets from the phrase in its title and in its abstract: key to label. */
  static Map<String, String> termsOf(String phrase) {
    Map<String, String> terms = new HashMap<>();
    for (MentionTerms.Term term : MentionTerms.of("With " + titleCase(phrase), sentence(phrase, 0))) {
      terms.put(term.key(), term.label());
    }
    return terms;
  }

  private String word() {
    String w = ONSETS[random.nextInt(ONSETS.length)] + VOWELS[random.nextInt(VOWELS.length)]
        + ONSETS[random.nextInt(ONSETS.length)] + VOWELS[random.nextInt(VOWELS.length)] + CODAS[random.nextInt(CODAS.length)];
    return vocabulary.contains(w) ? word() : w;
  }

  /** Whether trends count the phrase and its twin under keys of their own, and lists may show them. */
  private static boolean countable(String phrase) {
    List<MentionTerms.Term> terms = MentionTerms.of("With " + titleCase(phrase), sentence(phrase, 0));
    for (String p : List.of(phrase, twin(phrase))) {
      String key = KeywordExtractor.keyOf(p);
      if (terms.stream().noneMatch(t -> t.key().equals(key) && t.label().equals(p)) || !MentionTerms.listable(key, p)) {
        return false;
      }
    }
    return true;
  }
}
