package io.paperpulse.streams.keywords;

import java.util.List;
import java.util.Set;

/**
 * Which words of a title or an abstract are named: the words that keep their case in a term's
 * label and make the term a named thing (a model, method or data set).
 *
 * <p>A word is named when it has at least two letters and either a digit ("Qwen3"; a word that
 * begins with one needs a capital too: "3DGS", not "100ms"), a capital after the first letter of a
 * hyphen-separated part ("LLM", "NeRF", "DeepSeek", "SWE-bench"), or, in the abstract only (a title
 * is Title Case), an initial capital while it neither starts a sentence nor stands next to another
 * capitalised word ("the Mamba architecture", not "Large Language Models"), unless its capital is
 * mere convention ("Gaussian", "Bayesian", "English"). A text with no lower-case letter has no named
 * word by case, only words with a digit.
 */
final class NamedWords {
  /** Words capitalised by convention, not because they name a model, method or data set. */
  static final Set<String> CONVENTIONAL_CAPITALS =
      Words.words(
          "gaussian", "bayesian", "euclidean", "riemannian", "lagrangian", "hamiltonian", "markov",
          "markovian", "fourier", "laplacian", "hessian", "jacobian", "boolean", "newtonian",
          "poisson", "bernoulli", "dirichlet", "hilbert", "lipschitz", "cartesian", "pareto", "nash",
          "turing", "monte", "carlo", "wasserstein", "kalman", "gibbs", "brownian", "langevin",
          "english", "chinese", "japanese", "korean", "french", "german", "spanish", "arabic",
          "indian", "african", "european", "american", "asian", "internet", "earth", "web",
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "taylor", "egyptian", "figure", "table", "section", "appendix", "theorem",
          "lemma", "algorithm", "equation",
          // the statistics, tests and distances papers use as tools, named after people
          "pearson", "spearman", "kendall", "mcnemar", "wilcoxon", "bonferroni", "tukey", "kruskal",
          "wallis", "friedman", "welch", "kolmogorov", "smirnov", "shapiro", "likert", "cohen", "krippendorff",
          "hamming", "levenshtein", "jaccard", "mahalanobis", "chebyshev", "manhattan", "weibull", "cauchy",
          "gumbel");

  private static final int ORDINARY = 0;
  private static final int CAPITALISED = 1;
  private static final int NAME = 2;

  private NamedWords() {}

  /** Which of {@code tokens}, the tokens of {@code text}, are named words; {@code title} for a title. */
  static boolean[] of(String text, List<Tokenizer.Token> tokens, boolean title) {
    boolean[] named = new boolean[tokens.size()];
    if (!hasLowerCase(text)) {
      for (int i = 0; i < named.length; i++) {
        named[i] = hasDigit(tokens.get(i).surface()) && tokens.get(i).letters() >= 2;
      }
      return named;
    }
    for (int i = 0; i < named.length; i++) {
      Tokenizer.Token token = tokens.get(i);
      if (token.stop()) {
        continue;
      }
      String surface = token.surface();
      int shape = shape(surface);
      if (shape == NAME && Character.isDigit(surface.charAt(0)) && surface.equals(token.lower())) {
        continue; // a quantity with its unit ("100ms", "3d"), no name
      }
      if (shape == ORDINARY || token.letters() < 2) {
        continue;
      }
      if (shape == CAPITALISED) {
        named[i] = !title
            && !token.sentenceStart()
            && !CONVENTIONAL_CAPITALS.contains(token.lower())
            && !CONVENTIONAL_CAPITALS.contains(token.stem())
            && !capitalisedNeighbour(text, tokens, i);
      } else {
        named[i] = true;
      }
    }
    return named;
  }

  /** Whether {@code word} holds a digit. */
  static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #NAME} for a word with a digit or a capital after the first letter of a hyphen-separated
   * part, {@link #CAPITALISED} for a word with an initial capital and no other, else {@link #ORDINARY}.
   */
  private static int shape(String word) {
    boolean partStart = true;
    boolean capitalised = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= '0' && c <= '9' || Character.isDigit(c)) {
        return NAME;
      }
      if (Character.isUpperCase(c)) {
        if (!partStart) {
          return NAME;
        }
        capitalised |= i == 0;
      }
      partStart = c == '-';
    }
    return capitalised ? CAPITALISED : ORDINARY;
  }

  /**
   * Whether a capitalised word stands next to another word that starts with a capital or a digit,
   * with at most one lower-case stop word ("Mixture of Experts") or a list separator ("Temporal,
   * Causal, Spatial") between them: then its capital is Title Case or a list's, no name's.
   */
  private static boolean capitalisedNeighbour(String text, List<Tokenizer.Token> tokens, int i) {
    return capitalisedNext(text, tokens, i, -1) || capitalisedNext(text, tokens, i, 1);
  }

  private static boolean capitalisedNext(String text, List<Tokenizer.Token> tokens, int i, int step) {
    for (int j = i + step, k = 0; k < 2 && j >= 0 && j < tokens.size(); j += step, k++) {
      Tokenizer.Token near = tokens.get(j);
      Tokenizer.Token later = tokens.get(Math.max(j, j - step));
      if (later.breakBefore() && !onlySeparators(text, tokens.get(Math.min(j, j - step)).end(), later.start())) {
        return false;
      }
      if (startsLikeName(near)) {
        return true;
      }
      if (!near.stop()) {
        return false;
      }
    }
    return false;
  }

  private static boolean onlySeparators(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (!(Character.isWhitespace(c) || c == ',' || c == ';' || c == '/' || c == '&')) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsLikeName(Tokenizer.Token token) {
    char c = token.surface().charAt(0);
    return Character.isUpperCase(c) || Character.isDigit(c);
  }

  private static boolean hasLowerCase(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
