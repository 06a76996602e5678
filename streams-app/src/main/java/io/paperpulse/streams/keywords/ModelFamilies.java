package io.paperpulse.streams.keywords;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The model families a paper's versioned names belong to: "GPT-5.2" belongs to "GPT-5",
 * "Qwen3.5-9B" to "Qwen3" and "Qwen3.5", "Llama-3.1-8B" to "Llama-3" and "Llama-3.1". A family is a
 * part of a named one-word term up to a '.' or '-' that holds a letter and a digit, so "GPT" alone
 * is none. A paper that writes "GPT-5.2" thus mentions "GPT-5" too, as a named term.
 */
final class ModelFamilies {
  private ModelFamilies() {}

  /**
   * Adds to {@code terms} the families of their versioned names that are no term of the paper
   * already ({@code isTerm}), each once with the first of its labels alphabetically.
   */
  static void addTo(List<MentionTerms.Term> terms, Predicate<String> isTerm) {
    Map<String, String> families = new TreeMap<>();
    for (MentionTerms.Term term : terms) {
      String key = term.key();
      String label = term.label();
      if (!term.named() || key.indexOf(' ') >= 0 || label.length() != key.length() || !NamedWords.hasDigit(key)) {
        continue;
      }
      for (int i = 1; i < key.length(); i++) {
        char c = key.charAt(i);
        if ((c == '.' || c == '-') && NamedWords.hasDigit(key.substring(0, i)) && hasLetter(key.substring(0, i))) {
          String family = key.substring(0, i);
          if (!isTerm.test(family)) {
            families.merge(family, label.substring(0, i), (a, b) -> a.compareTo(b) <= 0 ? a : b);
          }
        }
      }
    }
    families.forEach((key, label) -> terms.add(new MentionTerms.Term(key, label, true, true)));
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
