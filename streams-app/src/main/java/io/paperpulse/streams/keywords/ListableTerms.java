package io.paperpulse.streams.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules by which a term, from its key and label, may appear in a trending list ({@link
 * MentionTerms#listable}); the word lists they use are {@link ListingWords}. A listable term is:
 *
 * <ul>
 *   <li>never a LaTeX command name ("emph", "textbf", "mathcal"), alone or in a phrase;
 *   <li>a single word, hyphenated or not, only if named by its label: with a digit or a capital
 *       letter (labels keep case for named words only), at least two letters, neither a stop word, a
 *       generic word ("model") nor a word capitalised by convention ("Gaussian"); so "KV-cache" is
 *       listable, "held-out" and "self-evolving" are not;
 *   <li>a phrase of several words, unless its words are named: not beginning or ending with a
 *       function word ("of", "the"), not made of generic and stop words alone, with at least three
 *       letters; not beginning with an adverb ("-ly"), a participle ("-ed") or a verb's base form
 *       ("customize", "evaluate", "improve", ...); beginning with an "-ing" word ("evaluating",
 *       "learning") only if it ends with a noun that such a word commonly qualifies ("learning
 *       rate", "training data", "reasoning model"); not ending with an adjective-shaped word
 *       ("-ous", "-ful", "-ive", "-able", "-ible", "-less", or "based"), but for nouns of that shape
 *       ("objective", "variable").
 * </ul>
 */
final class ListableTerms {
  private ListableTerms() {}

  /**
   * Whether a keyword may appear in a trending list (rules in the class comment). {@code label} is
   * the label the trend carries: it keeps capitals for named words only.
   */
  static boolean listable(String key, String label) {
    if (key == null || key.isBlank()) {
      return false;
    }
    String[] keyWords = key.trim().split(" ");
    String[] written = label == null ? keyWords : label.trim().split(" ");
    String[] labelWords = label == null ? keyWords : wordsOf(written);
    if (labelWords.length != keyWords.length) {
      labelWords = keyWords;
      written = keyWords;
    }
    for (String word : keyWords) {
      if (ListingWords.LATEX.contains(word)) {
        return false;
      }
    }
    if (written.length == 1) {
      return listableWord(key.trim(), written[0]); // one word, hyphenated or not: "KV-cache", not "held-out"
    }
    int letters = 0;
    boolean allGeneric = true;
    boolean named = false;
    for (int i = 0; i < keyWords.length; i++) {
      String lower = labelWords[i].toLowerCase(Locale.ROOT);
      letters += letters(keyWords[i]);
      allGeneric &= Words.GENERIC.contains(keyWords[i]) || Words.STOP.contains(lower);
      named |= namedShape(labelWords[i]);
    }
    String first = written[0]; // a hyphenated word whole: "on-policy distillation" begins with no "on"
    String firstLower = first.toLowerCase(Locale.ROOT);
    String last = keyWords[keyWords.length - 1];
    String lastWritten = written[written.length - 1];
    boolean hyphenatedEnd = lastWritten.indexOf('-') >= 0;
    if (allGeneric
        || ListingWords.IDIOMS.contains(key)
        || (letters < 3 && !named)
        || Words.FUNCTION.contains(firstLower)
        || Words.FUNCTION.contains(hyphenatedEnd ? lastWritten.toLowerCase(Locale.ROOT) : last)) {
      return false;
    }
    String lastLabel = labelWords[labelWords.length - 1];
    if (!namedShape(first) && !startsKeyword(firstLower, last, namedShape(lastLabel))) {
      return false;
    }
    for (int i = 1; i < labelWords.length - 1; i++) {
      if (verbForm(labelWords[i].toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return namedShape(lastLabel) || !endsBadly(last, lastLabel.toLowerCase(Locale.ROOT), hyphenatedEnd);
  }

  /**
   * A label's words as its key has them: a hyphenated word without a digit is its parts
   * ("context-aware", {@link Words#stem}), a name with a digit one word ("DeepSeek-R1").
   */
  private static String[] wordsOf(String[] written) {
    List<String> words = new ArrayList<>(written.length + 2);
    for (String word : written) {
      if (word.indexOf('-') >= 0 && !NamedWords.hasDigit(word)) {
        words.addAll(List.of(word.split("-")));
      } else {
        words.add(word);
      }
    }
    return words.toArray(String[]::new);
  }

  private static boolean listableWord(String key, String label) {
    String lower = label.toLowerCase(Locale.ROOT);
    if (Words.STOP.contains(key) || Words.STOP.contains(lower) || Words.GENERIC.contains(key)
        || Words.GENERIC.contains(lower) || NamedWords.CONVENTIONAL_CAPITALS.contains(key)
        || NamedWords.CONVENTIONAL_CAPITALS.contains(lower)) {
      return false;
    }
    return namedShape(label) && letters(label) >= 2;
  }

  /** Whether a phrase may begin with this word, given the stem of its last word. */
  private static boolean startsKeyword(String first, String last, boolean namedLast) {
    if (first.endsWith("ly") && !Words.LY_NOUNS.contains(first)) {
      return false;
    }
    if (first.endsWith("ed")
        && first.length() > 3
        && first.indexOf('-') < 0
        && !first.endsWith("eed")
        && !Words.ED_NOUNS.contains(first)
        && !ListingWords.ED_ADJECTIVES.contains(first)) {
      return false;
    }
    if (ListingWords.VERB_BASES.contains(first) || ListingWords.VAGUE_MODIFIERS.contains(first)
        || first.endsWith("s") && ListingWords.VERB_BASES.contains(first.substring(0, first.length() - 1))) {
      return false;
    }
    // A hyphenated word in -ing modifies the noun after it ("post-training quantization",
    // "self-evolving agents"); only a bare one reads as a verb with its object ("improving accuracy").
    if (first.endsWith("ing") && first.length() >= 6 && first.indexOf('-') < 0 && !ListingWords.ING_NOUNS.contains(first)) {
      return !isVerbBase(first.substring(0, first.length() - 3))
          && (namedLast || ListingWords.ING_HEADS.contains(last));
    }
    return true;
  }

  /**
   * Whether {@code stem} ("enhanc", "reduc", "learn") is a verb of {@link ListingWords#VERB_BASES},
   * bar gerund nouns.
   */
  private static boolean isVerbBase(String stem) {
    return !ListingWords.GERUND_NOUNS.contains(stem + "ing")
        && (ListingWords.VERB_BASES.contains(stem) || ListingWords.VERB_BASES.contains(stem + "e"));
  }

  /** A word that reads as a verb inside a phrase: "KB contains images", "models reaching". */
  private static boolean verbForm(String lower) {
    int n = lower.length();
    return n > 4 && lower.endsWith("s") && ListingWords.ENDING_VERBS.contains(lower.substring(0, n - 1))
        || n > 6 && lower.endsWith("ing") && ListingWords.ENDING_VERBS.contains(lower);
  }

  /**
   * Whether a phrase's last word, as its stem, reads as an adjective or a verb, not a noun; {@code
   * hyphenated}: it is the last part of a hyphenated word.
   */
  private static boolean endsBadly(String last, String lastLower, boolean hyphenated) {
    if (last.equals("based")
        || ListingWords.ENDING_VERBS.contains(lastLower)
        || ListingWords.ENDING_VERBS.contains(last)
        || lastLower.endsWith("s") && ListingWords.ENDING_VERBS.contains(lastLower.substring(0, lastLower.length() - 1))) {
      return true;
    }
    if (ListingWords.ADJECTIVE_SHAPED_NOUNS.contains(last)) {
      return false;
    }
    if (hyphenated && ListingWords.ADJECTIVE_PARTS.contains(last)) {
      return true; // "context-aware", "training-free"
    }
    int n = last.length();
    return (last.endsWith("ous") || last.endsWith("ful") || last.endsWith("less")) && n > 4
        || (last.endsWith("ive") || last.endsWith("able") || last.endsWith("ible")) && n > 5
        || (last.endsWith("al") || last.endsWith("ian")) && n > 5
        || last.equals("euclidean");
  }

  /** A label word with a digit or a capital: labels keep case for named words only. */
  private static boolean namedShape(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c) || Character.isUpperCase(c)) {
        return true;
      }
    }
    return false;
  }

  private static int letters(String word) {
    int count = 0;
    for (int i = 0; i < word.length(); i++) {
      count += Character.isLetter(word.charAt(i)) ? 1 : 0;
    }
    return count;
  }
}
