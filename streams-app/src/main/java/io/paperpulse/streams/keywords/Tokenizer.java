package io.paperpulse.streams.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits paper text into word tokens and marks where a phrase must end: at punctuation, LaTeX
 * ({@code $...$}), URLs and numbers. Hyphenated words ("large-scale") stay one token.
 */
final class Tokenizer {
  /** One word: as written, lower-cased, stemmed; whether a phrase break comes before it. */
  record Token(String surface, String lower, String stem, boolean breakBefore, boolean acronym, boolean stop, boolean generic) {
    Token(String surface, String lower, String stem, boolean breakBefore, boolean acronym) {
      this(surface, lower, stem, breakBefore, acronym, Words.STOP.contains(lower) || lower.length() < 2,
          Words.GENERIC.contains(stem) || Words.GENERIC.contains(lower));
    }

    boolean hasLetter() {
      for (int i = 0; i < lower.length(); i++) {
        if (Character.isLetter(lower.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    int letters() {
      int count = 0;
      for (int i = 0; i < lower.length(); i++) {
        count += Character.isLetter(lower.charAt(i)) ? 1 : 0;
      }
      return count;
    }
  }

  private Tokenizer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    boolean pendingBreak = true;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '$') {
        int close = text.indexOf('$', i + 1);
        i = close < 0 ? n : close + 1;
        pendingBreak = true;
      } else if (startsUrl(text, i)) {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        pendingBreak = true;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || joinsWord(text, j))) {
          j++;
        }
        String word = text.substring(i, j);
        if (word.endsWith("'s") || word.endsWith("’s")) {
          word = word.substring(0, word.length() - 2);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        Token token = new Token(word, lower, Words.stem(lower), pendingBreak, isAcronym(word));
        if (!token.hasLetter()) {
          pendingBreak = true; // a number ends a phrase and is no keyword
        } else {
          tokens.add(token);
          pendingBreak = false;
        }
        i = j;
      } else {
        if (!Character.isWhitespace(c)) {
          pendingBreak = true;
        }
        i++;
      }
    }
    return tokens;
  }

  private static boolean joinsWord(String text, int j) {
    char c = text.charAt(j);
    return (c == '-' || c == '\'' || c == '’')
        && j + 1 < text.length()
        && Character.isLetterOrDigit(text.charAt(j + 1));
  }

  private static boolean startsUrl(String text, int i) {
    return text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i);
  }

  /** "LLM", "NeRF", "GPT-4": two or more capitals, not just a capitalised word. */
  private static boolean isAcronym(String word) {
    int upper = 0;
    for (int i = 1; i < word.length(); i++) {
      upper += Character.isUpperCase(word.charAt(i)) ? 1 : 0;
    }
    return upper >= 1 && Character.isUpperCase(word.charAt(0)) || upper >= 2;
  }
}
