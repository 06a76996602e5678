package io.paperpulse.streams.keywords;

import java.util.List;

/**
 * Every distinct term a paper mentions, once each: what trends count, where the keyword extractor
 * keeps only a paper's best few.
 *
 * <p>The terms of a paper are the candidate phrases of its title and abstract ({@link Candidates}
 * with {@link Candidates#MENTION_RULES}): runs of 1 to 4 words between stop words and punctuation,
 * not made of generic words alone, neither starting with an adverb nor ending with an adverb or a
 * participle; and two content words joined by "of" ("mixture of experts", {@link
 * Candidates#forEachOfPhrase}). A term's key is its words' stems joined by spaces, as {@link KeywordExtractor#keyOf}
 * gives it for the same words; names keep their form ("GPT-5", "Qwen3", "Qwen2.5-VL", "DeepSeek-R1"
 * are one word each, neither split nor stemmed, and "LLMs" and "LLM" are one key).
 *
 * <p>Which words are named is {@link NamedWords}' rule; how a term gets its label and is named, and
 * how an acronym counts under its phrase (where the paper defines it, "large language models
 * (LLMs)", or where papers define it one way, {@link AcronymTable}), is {@link TermTally}'s; a versioned name counts under its families too ({@link ModelFamilies}: "GPT-5.2"
 * under "GPT-5"). Whether a term may appear in a trending list is {@link #listable} ({@link
 * ListableTerms}).
 */
public final class MentionTerms {
  /**
   * A term a paper mentions: its key (as KeywordExtractor.keyOf gives for the same words), a label
   * as people write it, whether it is a named thing (model/method/dataset name, acronym), and
   * whether the paper writes it at least once where its noun phrase ends, not only as the start of
   * a longer one ("large language" in "large language models" does not end its phrase).
   */
  public record Term(String key, String label, boolean named, boolean ends) {}

  private MentionTerms() {}

  /** Every distinct term of the paper's title and abstract, once each, sorted by key. Deterministic. */
  public static List<Term> of(String title, String abstractText) {
    String titleText = title == null ? "" : title;
    String bodyText = abstractText == null ? "" : abstractText;
    List<Tokenizer.Token> head = Tokenizer.tokenize(titleText);
    List<Tokenizer.Token> body = Tokenizer.tokenize(bodyText);
    boolean[] headNamed = NamedWords.of(titleText, head, true);
    boolean[] bodyNamed = NamedWords.of(bodyText, body, false);
    TermTally tally = new TermTally(AcronymTable.bundled());
    tally.defineAcronyms(titleText, head, headNamed);
    tally.defineAcronyms(bodyText, body, bodyNamed);
    tally.count(head, headNamed);
    tally.count(body, bodyNamed);
    return tally.terms();
  }

  /**
   * The key under which trends count a keyword typed by a person: {@link KeywordExtractor#keyOf}'s,
   * or for an acronym of the {@linkplain AcronymTable#bundled bundled table}, its phrase's ("LLMs"
   * gives "large language model").
   */
  public static String keyOf(String phrase) {
    return AcronymTable.bundled().fold(KeywordExtractor.keyOf(phrase));
  }

  /**
   * Whether a keyword may appear in a trending list (rules in {@link ListableTerms}). {@code label}
   * is the label the trend carries: it keeps capitals for named words only.
   */
  public static boolean listable(String key, String label) {
    return ListableTerms.listable(key, label);
  }
}
