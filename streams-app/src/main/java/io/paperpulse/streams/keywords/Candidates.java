package io.paperpulse.streams.keywords;

import java.util.List;
import java.util.function.Consumer;

/**
 * The candidate keywords of a token list: every run of 1 to {@code maxWords} words inside a chunk
 * (a stretch with no stop word and no break) that is not made of generic words alone ("data
 * stream" is a candidate, "data" and "data model" are not), does not start with an adverb
 * ("secretly") and does not end with an adverb or a participle ("trained"). An acronym is exempt
 * from the adverb and participle rules. {@link #forEach} gives the keyphrase candidates (up to
 * {@value #MAX_WORDS} words), used alike to build the background statistics and to extract
 * keywords, so both see the same phrases. {@link #forEachSpan} with {@link #MENTION_RULES} gives
 * the longer phrases of {@link MentionTerms}, where words that only look like adverbs or
 * participles ("anomaly", "speed") are not taken for them.
 */
final class Candidates {
  static final int MAX_WORDS = 3;

  /** How candidates are cut: the longest phrase and whether noun exceptions apply to the suffix rules. */
  record Rules(int maxWords, boolean nounExceptions) {}

  /** The rules of the keyphrase extractor and the background statistics. */
  static final Rules KEYPHRASE_RULES = new Rules(MAX_WORDS, false);

  /** The rules of a paper's mention terms: phrases of up to four words. */
  static final Rules MENTION_RULES = new Rules(4, true);

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

  private static void emit(List<Tokenizer.Token> tokens, int from, int to, Rules rules, SpanAction action) {
    StringBuilder key = new StringBuilder(64);
    for (int start = from; start < to; start++) {
      Tokenizer.Token first = tokens.get(start);
      if (!first.acronym() && adverb(first.lower(), rules)) {
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
        if (!last.acronym() && (adverb(last.lower(), rules) || participle(last.lower(), rules))) {
          continue; // adverbs and participles ("trained", "secretly") end no keyword
        }
        action.accept(start, n, key.toString());
      }
    }
  }

  /**
   * Whether a token ends a chunk: a stop word, but for mention terms not a modifier that starts
   * many real terms ("large language model", "low-resource", "code generation").
   */
  private static boolean breaks(Tokenizer.Token token, Rules rules) {
    return token.stop() && !(rules.nounExceptions() && Words.MODIFIERS.contains(token.lower()));
  }

  private static boolean adverb(String lower, Rules rules) {
    return lower.endsWith("ly") && !(rules.nounExceptions() && Words.LY_NOUNS.contains(lower));
  }

  private static boolean participle(String lower, Rules rules) {
    return lower.endsWith("ed")
        && !(rules.nounExceptions() && (lower.length() <= 3 || lower.endsWith("eed") || Words.ED_NOUNS.contains(lower)));
  }
}
