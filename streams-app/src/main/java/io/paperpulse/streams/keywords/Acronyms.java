package io.paperpulse.streams.keywords;

import java.util.List;

/**
 * Finds where a text defines an acronym: a phrase followed by the acronym alone in parentheses,
 * "large language models (LLMs)", "Retrieval-Augmented Generation (RAG)", "Neural Radiance Fields
 * (NeRF)". The phrase is the shortest run of words right before the parenthesis, at most four,
 * with no punctuation inside, that spells the acronym: its letters and digits, in order, are found
 * in the phrase, the first at the start of its first word (the matching of Schwartz and Hearst,
 * 2003). A plural "s" of the acronym ("LLMs") is no letter of it. The phrase may hold a stop word
 * ("mixture of experts (MoE)") but neither begins nor ends with a function word ("the", "of").
 */
final class Acronyms {
  /** Phrases longer than this define no acronym here: they could be no mention term. */
  static final int MAX_WORDS = 4;

  /** One definition: the acronym's token, and the first token and length of its phrase. */
  record Definition(int acronym, int start, int words) {}

  /** Receives a definition. */
  @FunctionalInterface
  interface DefinitionAction {
    void accept(Definition definition);
  }

  private Acronyms() {}

  /** Every acronym definition of {@code text}, tokenized as {@code tokens}, in order. */
  static void forEach(String text, List<Tokenizer.Token> tokens, DefinitionAction action) {
    for (int i = 1; i < tokens.size(); i++) {
      Tokenizer.Token token = tokens.get(i);
      if (!token.acronym() || !inParentheses(text, token)) {
        continue;
      }
      Definition definition = define(text, tokens, i);
      if (definition != null) {
        action.accept(definition);
      }
    }
  }

  private static boolean inParentheses(String text, Tokenizer.Token token) {
    return token.start() > 0
        && text.charAt(token.start() - 1) == '('
        && token.end() < text.length()
        && text.charAt(token.end()) == ')';
  }

  private static Definition define(String text, List<Tokenizer.Token> tokens, int acronym) {
    Tokenizer.Token previous = tokens.get(acronym - 1);
    for (int k = previous.end(); k < tokens.get(acronym).start() - 1; k++) {
      if (!Character.isWhitespace(text.charAt(k))) {
        return null; // "LLMs, (LLMs)" or "models [1] (LLMs)": not right before the parenthesis
      }
    }
    int first = acronym - 1;
    while (first > 0 && acronym - first < MAX_WORDS && !tokens.get(first).breakBefore()) {
      first--;
    }
    String letters = letters(tokens.get(acronym).surface());
    if (letters.length() < 2) {
      return null;
    }
    StringBuilder phrase = new StringBuilder();
    int[] tokenAt = new int[MAX_WORDS * 32];
    for (int t = first; t < acronym; t++) {
      if (phrase.length() > 0) {
        phrase.append(' ');
      }
      String lower = tokens.get(t).lower();
      if (phrase.length() + lower.length() > tokenAt.length) {
        return null;
      }
      for (int c = 0; c < lower.length(); c++) {
        tokenAt[phrase.length() + c] = t;
      }
      phrase.append(lower);
    }
    int at = match(letters, phrase);
    if (at < 0) {
      return null;
    }
    int start = tokenAt[at];
    Tokenizer.Token firstWord = tokens.get(start);
    if (Words.FUNCTION.contains(firstWord.lower()) || Words.FUNCTION.contains(previous.lower())) {
      return null;
    }
    return new Definition(acronym, start, acronym - start);
  }

  /**
   * Where in {@code phrase} the spelling of {@code letters} starts, matched from the end: each
   * letter at or before the previous one's place, the first one at the start of a word; -1 if none.
   */
  static int match(String letters, CharSequence phrase) {
    int p = phrase.length() - 1;
    for (int s = letters.length() - 1; s >= 0; s--) {
      char c = letters.charAt(s);
      while (p >= 0 && (phrase.charAt(p) != c || (s == 0 && p > 0 && phrase.charAt(p - 1) != ' '))) {
        p--;
      }
      if (p < 0) {
        return -1;
      }
      if (s > 0) {
        p--;
      }
    }
    return p;
  }

  /** The letters and digits of an acronym, lower-cased, without a plural "s" ("LLMs": "llm"). */
  static String letters(String acronym) {
    int n = acronym.length();
    if (n >= 3 && acronym.charAt(n - 1) == 's' && Character.isUpperCase(acronym.charAt(n - 2))) {
      n--;
    }
    StringBuilder letters = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = acronym.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        letters.append(Character.toLowerCase(c));
      }
    }
    return letters.toString();
  }
}
