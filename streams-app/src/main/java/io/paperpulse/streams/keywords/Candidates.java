package io.paperpulse.streams.keywords;

import java.util.List;
import java.util.function.Consumer;

/**
 * The candidate keywords of a token list: every run of 1 to {@code maxWords} words inside a chunk
 * (a stretch with no stop word, no verb and no break) that is not made of generic words alone
 * ("data stream" is a candidate, "data" and "data model" are not), does not start with an adverb
 * ("secretly") or with a participle after one ("progressively optimized"), and does not end with an adverb or a participle ("trained"), nor, for keyphrases,
 * with an adjective ("optimized bi-granular"). An acronym is exempt from the verb, adverb,
 * participle and adjective rules, but for keyphrases a hyphenated word ending in a lower-case part
 * is judged at a phrase's end by that part ("CG-friendly" ends no keyphrase). {@link #forEach}
 * gives the keyphrase candidates (up to {@value #MAX_WORDS} words), used alike to build the background statistics and to extract
 * keywords, so both see the same phrases. {@link #forEachSpan} with {@link #MENTION_RULES} gives
 * the longer phrases of {@link MentionTerms}, where words that only look like adverbs or
 * participles ("anomaly", "speed") are not taken for them.
 */
final class Candidates {
  static final int MAX_WORDS = 3;

  /**
   * How candidates are cut: the longest phrase, whether noun exceptions apply to the suffix rules,
   * whether a phrase may end with an adjective, and whether an acronym with a lower-case last part
   * ("CG-friendly") is judged at a phrase's end by that part.
   */
  record Rules(int maxWords, boolean nounExceptions, boolean adjectiveEnds, boolean lastPartEnds) {}

  /** The rules of the keyphrase extractor and the background statistics. */
  static final Rules KEYPHRASE_RULES = new Rules(MAX_WORDS, false, false, true);

  /**
   * The rules of a paper's mention terms: phrases of up to four words, which may end with an
   * adjective (a term is counted whatever it reads like; the lists judge how it reads).
   */
  static final Rules MENTION_RULES = new Rules(4, true, true, false);

  /** One candidate: its key (stems), its label (lower-case words), and where it starts. */
  record Candidate(String key, String label, int start, int words, boolean acronym) {}

  /** Receives a candidate as the tokens it spans and its key. */
  @FunctionalInterface
  interface SpanAction {
    void accept(int start, int words, String key);
  }

  private Candidates() {}

  static void forEach(List<Tokenizer.Token> tokens, Consumer<Candidate> action) {
    forEachSpan(
        tokens,
        KEYPHRASE_RULES,
        (start, words, key) -> {
          StringBuilder label = new StringBuilder(key.length() + 4);
          boolean acronym = false;
          for (int i = start; i < start + words; i++) {
            Tokenizer.Token token = tokens.get(i);
            label.append(i == start ? "" : " ").append(token.lower());
            acronym |= token.acronym();
          }
          action.accept(new Candidate(key, label.toString(), start, words, acronym));
        });
  }

  /** Every candidate of {@code tokens} under {@code rules}, in order of start, then length. */
  static void forEachSpan(List<Tokenizer.Token> tokens, Rules rules, SpanAction action) {
    int chunkStart = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      boolean ends = i == tokens.size() || tokens.get(i).breakBefore() || breaks(tokens.get(i), rules);
      if (!ends) {
        continue;
      }
      emit(tokens, chunkStart, i, rules, action);
      chunkStart = i < tokens.size() && breaks(tokens.get(i), rules) ? i + 1 : i;
    }
  }

  /**
   * Every "X of Y" of {@code tokens} whose two words are content words ("mixture of experts",
   * "chain of thought", "theory of mind"), as a span of 3 words with its key: a term that the stop
   * word "of" would otherwise split. The head names a thing, not a quantity ("number of parameters"
   * is none), and the last word ends a term as in {@link #MENTION_RULES}.
   */
  static void forEachOfPhrase(List<Tokenizer.Token> tokens, SpanAction action) {
    for (int i = 1; i + 1 < tokens.size(); i++) {
      Tokenizer.Token of = tokens.get(i);
      Tokenizer.Token head = tokens.get(i - 1);
      Tokenizer.Token tail = tokens.get(i + 1);
      if (!of.lower().equals("of") || of.breakBefore() || tail.breakBefore()
          || !content(head) || !content(tail) || Words.QUANTITY_HEADS.contains(head.lower())
          || adverb(head.lower(), MENTION_RULES) || participle(head.lower(), MENTION_RULES)
          || adverb(tail.lower(), MENTION_RULES) || participle(tail.lower(), MENTION_RULES)) {
        continue;
      }
      action.accept(i - 1, 3, head.stem() + ' ' + of.stem() + ' ' + tail.stem());
    }
  }

  private static boolean content(Tokenizer.Token token) {
    return !token.stop() && !token.generic() && !token.verb() && (token.letters() >= 3 || token.acronym());
  }

  /**
   * Whether a mention term that ends before token {@code end} ends its phrase there: no word of the
   * same noun phrase follows it, as one does after "large language" in "large language models". A
   * stop word, a verb, a break, an adverb or a participle ends a phrase, as the end of the text does.
   */
  static boolean endsPhrase(List<Tokenizer.Token> tokens, int end) {
    return endsPhrase(tokens, end, MENTION_RULES);
  }

  /** {@link #endsPhrase(List, int)} with the phrases {@code rules} cut. */
  static boolean endsPhrase(List<Tokenizer.Token> tokens, int end, Rules rules) {
    if (end >= tokens.size()) {
      return true;
    }
    Tokenizer.Token next = tokens.get(end);
    return next.breakBefore() || breaks(next, rules)
        || (!next.acronym() && (adverb(next.lower(), rules) || participle(next.lower(), rules)));
  }

  private static void emit(List<Tokenizer.Token> tokens, int from, int to, Rules rules, SpanAction action) {
    StringBuilder key = new StringBuilder(64);
    for (int start = from; start < to; start++) {
      Tokenizer.Token first = tokens.get(start);
      if (!first.acronym() && (adverb(first.lower(), rules) || verbalParticiple(tokens, from, start, rules))) {
        continue;
      }
      key.setLength(0);
      boolean allGeneric = true;
      for (int n = 1; n <= rules.maxWords() && start + n <= to; n++) {
        Tokenizer.Token last = tokens.get(start + n - 1);
        if (n > 1) {
          key.append(' ');
        }
        key.append(last.stem());
        allGeneric &= last.generic();
        if (allGeneric || (n == 1 && last.letters() < 3 && !last.acronym()) || last.stop()) {
          continue; // a modifier alone, or ending a phrase, is no term
        }
        if (!exemptAtEnd(last, rules) && (adverb(last.lower(), rules) || participle(last.lower(), rules)
            || (!rules.adjectiveEnds() && Words.adjective(last.lower())))) {
          continue; // adverbs, participles and adjectives ("secretly", "trained", "generative") end no keyword
        }
        action.accept(start, n, key.toString());
      }
    }
  }

  /**
   * Whether a token ends a chunk: a verb, or a stop word but, for mention terms, not a modifier
   * that starts many real terms ("large language model", "low-resource", "code generation").
   */
  private static boolean breaks(Tokenizer.Token token, Rules rules) {
    if (token.verb()) {
      return true;
    }
    return token.stop() && !(rules.nounExceptions() && Words.MODIFIERS.contains(token.lower()));
  }

  /**
   * Whether a phrase may end with this token whatever its ending: an acronym ("GANs", "NeRF"),
   * unless the rules judge it by a lower-case last part ("CG-friendly", "LLM-based").
   */
  private static boolean exemptAtEnd(Tokenizer.Token token, Rules rules) {
    if (!token.acronym()) {
      return false;
    }
    if (!rules.lastPartEnds()) {
      return true;
    }
    String surface = token.surface();
    int hyphen = surface.lastIndexOf('-');
    if (hyphen < 0) {
      return true;
    }
    for (int i = hyphen + 1; i < surface.length(); i++) {
      if (Character.isUpperCase(surface.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the token at {@code i} is a participle after an adverb ("progressively optimized"): a verb, which starts no term. */
  private static boolean verbalParticiple(List<Tokenizer.Token> tokens, int chunkStart, int i, Rules rules) {
    return i > chunkStart && participle(tokens.get(i).lower(), rules) && adverb(tokens.get(i - 1).lower(), rules);
  }

  private static boolean adverb(String lower, Rules rules) {
    return lower.endsWith("ly") && !(rules.nounExceptions() && Words.LY_NOUNS.contains(lower));
  }

  private static boolean participle(String lower, Rules rules) {
    return lower.endsWith("ed")
        && !(rules.nounExceptions() && (lower.length() <= 3 || lower.endsWith("eed") || Words.ED_NOUNS.contains(lower)));
  }
}
