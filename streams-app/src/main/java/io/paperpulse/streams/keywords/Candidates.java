package io.paperpulse.streams.keywords;

import java.util.List;
import java.util.function.Consumer;

/**
 * The candidate keywords of a token list: every run of 1 to 3 words inside a chunk (a stretch with
 * no stop word and no break) that is not made of generic words alone ("data stream" is a candidate,
 * "data" and "data model" are not). Used alike to build the background statistics and to extract
 * keywords, so both see the same phrases.
 */
final class Candidates {
  static final int MAX_WORDS = 3;

  /** One candidate: its key (stems), its label (lower-case words), and where it starts. */
  record Candidate(String key, String label, int start, int words, boolean acronym) {}

  private Candidates() {}

  static void forEach(List<Tokenizer.Token> tokens, Consumer<Candidate> action) {
    int chunkStart = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      boolean ends = i == tokens.size() || tokens.get(i).breakBefore() || isStop(tokens.get(i));
      if (!ends) {
        continue;
      }
      emit(tokens, chunkStart, i, action);
      chunkStart = i < tokens.size() && isStop(tokens.get(i)) ? i + 1 : i;
    }
  }

  private static void emit(List<Tokenizer.Token> tokens, int from, int to, Consumer<Candidate> action) {
    for (int start = from; start < to; start++) {
      Tokenizer.Token first = tokens.get(start);
      if (!first.acronym() && first.lower().endsWith("ly")) {
        continue;
      }
      StringBuilder key = new StringBuilder();
      StringBuilder label = new StringBuilder();
      boolean acronym = false;
      boolean allGeneric = true;
      for (int n = 1; n <= MAX_WORDS && start + n <= to; n++) {
        Tokenizer.Token last = tokens.get(start + n - 1);
        if (n > 1) {
          key.append(' ');
          label.append(' ');
        }
        key.append(last.stem());
        label.append(last.lower());
        acronym |= last.acronym();
        allGeneric &= isGeneric(last);
        if (allGeneric || (n == 1 && last.letters() < 3 && !last.acronym())) {
          continue;
        }
        if (!last.acronym() && (last.lower().endsWith("ly") || last.lower().endsWith("ed"))) {
          continue; // adverbs and participles ("trained", "secretly") end no keyword
        }
        action.accept(new Candidate(key.toString(), label.toString(), start, n, acronym));
      }
    }
  }

  private static boolean isStop(Tokenizer.Token token) {
    return token.stop();
  }

  private static boolean isGeneric(Tokenizer.Token token) {
    return token.generic();
  }
}
