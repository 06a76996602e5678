package io.paperpulse.streams.keywords;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits paper text into word tokens and marks where a phrase must end: at punctuation, LaTeX
 * ({@code $...$}, {@code \(...\)}, {@code \[...\]}, a command such as {@code \emph}), URLs and
 * numbers. Hyphenated words ("large-scale") stay one token, and so do names with a dot between
 * digits ("Qwen2.5-VL"). A LaTeX command name never becomes a word: the argument of a reference
 * command ({@code \cite{...}}, {@code \ref{...}}, {@code \href{...}}) is skipped with it, while the
 * argument of any other command ({@code \emph{robust}}) stays as words.
 */
final class Tokenizer {
  /**
   * One word: as written, lower-cased, stemmed; whether a phrase break comes before it; whether it
   * looks like an acronym ("LLM", "NeRF": two capitals, not just a capitalised word or words, as in
   * "Bi-Granular"), is a stop word, a generic word or (not being an acronym) a verb; how many letters it has; where it is in the text ({@code start} inclusive, {@code end} exclusive, a trailing "'s" included); whether
   * it starts a sentence (the first word of the text, or the first after '.', '!', '?' or ':').
   */
  record Token(
      String surface,
      String lower,
      String stem,
      boolean breakBefore,
      boolean acronym,
      boolean stop,
      boolean generic,
      boolean verb,
      int letters,
      int start,
      int end,
      boolean sentenceStart) {

    static Token of(String surface, boolean breakBefore, int start, int end, boolean sentenceStart) {
      int letters = 0;
      int upperAfterFirst = 0;
      boolean lowerCase = true;
      for (int i = 0; i < surface.length(); i++) {
        char c = surface.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
            lowerCase = false;
            upperAfterFirst += i > 0 && surface.charAt(i - 1) != '-' ? 1 : 0; // "Bi-Granular" is no acronym
          }
        } else if (c > 127) {
          lowerCase = false;
        }
      }
      boolean acronym = upperAfterFirst >= 1 && Character.isUpperCase(surface.charAt(0)) || upperAfterFirst >= 2;
      return of(surface, lowerCase ? surface : surface.toLowerCase(Locale.ROOT), breakBefore, acronym, letters, start, end,
          sentenceStart);
    }

    private static Token of(
        String surface, String lower, boolean breakBefore, boolean acronym, int letters, int start, int end,
        boolean sentenceStart) {
      String stem = Words.stem(surface, lower);
      int kinds = Words.kinds(lower);
      return new Token(
          surface,
          lower,
          stem,
          breakBefore,
          acronym,
          (kinds & Words.STOP_WORD) != 0 || lower.length() < 2,
          (kinds & Words.GENERIC_WORD) != 0 || (stem != lower && (Words.kinds(stem) & Words.GENERIC_WORD) != 0),
          !acronym && (kinds & Words.VERB) != 0,
          letters,
          start,
          end,
          sentenceStart);
    }
  }

  /** Commands whose argument is a key or an address, never words of the text. */
  private static final Set<String> REFERENCES =
      Set.of("ref", "eqref", "autoref", "cref", "Cref", "pageref", "label", "url", "href");

  /**
   * The last four texts this thread tokenized, newest first, with their tokens. In the whole
   * application, one thread reads a paper's title and abstract twice in a row, for its keyphrases
   * (the enrichment) and then for the terms it mentions (the analytics' contributions); the second
   * reading finds the same strings here (compared by identity) and does not tokenize them again.
   */
  private static final ThreadLocal<Tokenized[]> RECENT = ThreadLocal.withInitial(() -> new Tokenized[4]);

  private record Tokenized(String text, List<Token> tokens) {}

  private Tokenizer() {}

  /** The tokens of {@code text}, in order; the list cannot be changed. */
  static List<Token> tokenize(String text) {
    Tokenized[] recent = RECENT.get();
    for (Tokenized t : recent) {
      if (t != null && t.text() == text) {
        return t.tokens();
      }
    }
    List<Token> tokens = Collections.unmodifiableList(split(text));
    System.arraycopy(recent, 0, recent, 1, recent.length - 1);
    recent[0] = new Tokenized(text, tokens);
    return tokens;
  }

  private static List<Token> split(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    boolean pendingBreak = true;
    boolean sentenceStart = true;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '$') {
        int close = text.indexOf('$', i + 1);
        i = close < 0 ? n : close + 1;
        pendingBreak = true;
      } else if (c == '\\') {
        i = skipCommand(text, i);
        pendingBreak = true;
      } else if (startsUrl(text, i)) {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        pendingBreak = true;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || joinsWord(text, i, j))) {
          j++;
        }
        int end = j - i >= 3 && text.charAt(j - 1) == 's' && (text.charAt(j - 2) == '\'' || text.charAt(j - 2) == '’')
            ? j - 2
            : j;
        if (!hasLetter(text, i, end)) {
          pendingBreak = true; // a number ends a phrase and is no keyword
          i = j;
          continue;
        }
        tokens.add(Token.of(text.substring(i, end), pendingBreak, i, j, sentenceStart));
        pendingBreak = false;
        sentenceStart = false;
        i = j;
      } else {
        if (!Character.isWhitespace(c)) {
          pendingBreak = true;
          if (c == '.' || c == '!' || c == '?' || c == ':') {
            sentenceStart = true;
          }
        }
        i++;
      }
    }
    return tokens;
  }

  private static boolean hasLetter(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.isLetter(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the character at {@code j} joins the word begun at {@code start}: a hyphen or an
   * apostrophe before a letter or digit; a dot before a digit, after a digit ("Qwen2.5") or after
   * a word in capitals ("FLUX.1-dev", "H.264"; but "Fig.1" is two words).
   */
  private static boolean joinsWord(String text, int start, int j) {
    char c = text.charAt(j);
    if (j + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(j + 1);
    if (c == '.') {
      return Character.isDigit(next) && (Character.isDigit(text.charAt(j - 1)) || inCapitals(text, start, j));
    }
    return (c == '-' || c == '\'' || c == '’') && Character.isLetterOrDigit(next);
  }

  /** Whether the letters from {@code from} to {@code to} are all capitals, and there is one. */
  private static boolean inCapitals(String text, int from, int to) {
    boolean letter = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /**
   * The index after the LaTeX at {@code i} (a backslash): inline or display math up to its close,
   * a command name (with its argument for a reference command), or an escaped character.
   */
  private static int skipCommand(String text, int i) {
    int n = text.length();
    if (i + 1 >= n) {
      return n;
    }
    char next = text.charAt(i + 1);
    if (next == '(' || next == '[') {
      int close = text.indexOf(next == '(' ? "\\)" : "\\]", i + 2);
      return close < 0 ? n : close + 2;
    }
    if (!isAsciiLetter(next)) {
      return i + 2;
    }
    int j = i + 1;
    while (j < n && isAsciiLetter(text.charAt(j))) {
      j++;
    }
    boolean reference = isReference(text.substring(i + 1, j));
    if (j < n && text.charAt(j) == '*') {
      j++;
    }
    if (reference && j < n && text.charAt(j) == '{') {
      int close = text.indexOf('}', j + 1);
      return close < 0 ? n : close + 1;
    }
    return j;
  }

  private static boolean isReference(String command) {
    return command.startsWith("cite") || REFERENCES.contains(command);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean startsUrl(String text, int i) {
    char c = text.charAt(i);
    return (c == 'h' || c == 'w') && (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i));
  }

}
