package io.paperpulse.streams.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of one paper as {@link MentionTerms} counts them: each term's key, the forms it is
 * written in with how often, and whether it is named, folding the acronyms the paper defines into
 * their phrases.
 *
 * <p>A term is named when one of its words is ({@link NamedWords}), at any mention, or when it is
 * the phrase of an acronym the paper defines. Its label is its words as written, with the named
 * words keeping their case and the others lower-cased; of several forms, the paper's most frequent,
 * then the first alphabetically.
 *
 * <p>A paper that defines an acronym ({@link Acronyms}: "large language models (LLMs)") mentions the
 * defined phrase, and its uses of the acronym alone ("LLMs", "an LLM") count under the phrase's key,
 * not under the acronym's. So the definitions of both texts are read before any term is counted. An
 * acronym the paper does not define but that papers define one way ({@link AcronymTable}) counts
 * under that phrase in the same way, written in capitals as an acronym ("LLM", not "llm").
 */
final class TermTally {
  private final Map<String, Stats> stats = new HashMap<>(256);
  /** The key of each acronym defined, to the key of its phrase. */
  private final Map<String, String> expansions = new HashMap<>(4);
  /** Records the phrase of each definition, once the terms are counted. */
  private final List<Runnable> definitions = new ArrayList<>(0);
  /** The phrases of the acronyms the paper uses without defining them, as the table gives them. */
  private final Map<String, AcronymTable.Expansion> known = new HashMap<>(4);
  /** Per phrase of {@link #known}: whether one use of its acronym ends its noun phrase ("LLMs." but not "LLM agents"). */
  private final Map<String, Boolean> knownEnds = new HashMap<>(4);
  private final AcronymTable table;

  TermTally(AcronymTable table) {
    this.table = table;
  }

  /**
   * Records the acronyms {@code text} defines: the acronym's key now, so that its uses count under
   * the phrase, and the phrase's mention once the terms are in (it may be none, holding a stop
   * word). The first definition of an acronym holds.
   */
  void defineAcronyms(String text, List<Tokenizer.Token> tokens, boolean[] named) {
    Acronyms.forEach(
        text,
        tokens,
        d -> {
          String acronymKey = tokens.get(d.acronym()).stem();
          String key = phraseKey(tokens, d);
          if (key == null || expansions.containsKey(acronymKey) || key.equals(acronymKey)) {
            return;
          }
          expansions.put(acronymKey, key);
          definitions.add(
              () -> {
                Stats s = stats.get(key);
                if (s == null) {
                  s = new Stats(key);
                  stats.put(key, s);
                  s.addLabel(label(tokens, named, d.start(), d.words(), key));
                }
                s.named = true;
                s.ends = true;
              });
        });
  }

  /**
   * Counts every candidate phrase of {@code tokens}, whose named words are {@code named}, and every
   * "X of Y" term ({@link Candidates#forEachOfPhrase}).
   */
  void count(List<Tokenizer.Token> tokens, boolean[] named) {
    Candidates.SpanAction add = (start, words, key) -> {
      if (words == 1 && !expansions.isEmpty() && expansions.containsKey(key)) {
        return; // a defined acronym counts under its phrase, recorded with the definition
      }
      if (words == 1 && tokens.get(start).acronym()) {
        AcronymTable.Expansion expansion = table.get(key);
        if (expansion != null) {
          known.put(expansion.key(), expansion);
          knownEnds.merge(expansion.key(), Candidates.endsPhrase(tokens, start + 1), Boolean::logicalOr);
          return; // a known acronym counts under its phrase, added with the terms
        }
      }
      Stats s = stats.get(key);
      if (s == null) {
        s = new Stats(key);
        stats.put(key, s);
      }
      s.addLabel(label(tokens, named, start, words, key));
      s.ends |= Candidates.endsPhrase(tokens, start + words);
      for (int i = start; i < start + words && !s.named; i++) {
        s.named = named[i];
      }
    };
    Candidates.forEachSpan(tokens, Candidates.MENTION_RULES, add);
    Candidates.forEachOfPhrase(tokens, add);
  }

  /**
   * Every term counted, the phrases of the acronyms defined and the model families of the versioned
   * names ({@link ModelFamilies}), once each, sorted by key.
   */
  List<MentionTerms.Term> terms() {
    for (Runnable definition : definitions) {
      definition.run();
    }
    known.forEach((key, expansion) -> {
      Stats s = stats.get(key);
      if (s == null) {
        s = new Stats(key);
        stats.put(key, s);
        s.addLabel(expansion.label());
      }
      s.named = true;
      s.ends |= knownEnds.get(key);
    });
    List<MentionTerms.Term> terms = new ArrayList<>(stats.size() + 8);
    for (Stats s : stats.values()) {
      terms.add(new MentionTerms.Term(s.key, s.label(), s.named, s.ends));
    }
    ModelFamilies.addTo(terms, stats::containsKey);
    terms.sort(Comparator.comparing(MentionTerms.Term::key));
    return terms;
  }

  /** The key of a definition's phrase; null when its words are all generic or stop words ("the method (TM)"). */
  static String phraseKey(List<Tokenizer.Token> tokens, Acronyms.Definition d) {
    return allGeneric(tokens, d) ? null : key(tokens, d.start(), d.words());
  }

  private static boolean allGeneric(List<Tokenizer.Token> tokens, Acronyms.Definition d) {
    for (int i = d.start(); i < d.start() + d.words(); i++) {
      if (!tokens.get(i).generic() && !tokens.get(i).stop()) {
        return false;
      }
    }
    return true;
  }

  private static String key(List<Tokenizer.Token> tokens, int start, int words) {
    StringBuilder key = new StringBuilder();
    for (int i = start; i < start + words; i++) {
      key.append(i == start ? "" : " ").append(tokens.get(i).stem());
    }
    return key.toString();
  }

  /** The words as written, lower-cased but for named words; the key itself when that is the same. */
  private static String label(List<Tokenizer.Token> tokens, boolean[] named, int start, int words, String key) {
    boolean same = true;
    for (int i = start; i < start + words && same; i++) {
      same = !named[i] && tokens.get(i).stem().equals(tokens.get(i).lower());
    }
    if (same) {
      return key;
    }
    StringBuilder label = new StringBuilder(key.length() + 8);
    for (int i = start; i < start + words; i++) {
      Tokenizer.Token token = tokens.get(i);
      label.append(i == start ? "" : " ").append(named[i] ? token.surface() : token.lower());
    }
    return label.toString();
  }

  /**
   * A term's mentions in one paper: its labels with their counts, whether it is named, and whether
   * one of its mentions ends its phrase ({@link Candidates#endsPhrase}).
   */
  private static final class Stats extends LabelCounts {
    final String key;
    boolean named;
    boolean ends;

    Stats(String key) {
      this.key = key;
    }
  }
}
