package io.paperpulse.streams.keywords;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every distinct term a paper mentions, once each: what trends count, where the keyword extractor
 * keeps only a paper's best few.
 *
 * <p><b>Terms.</b> The terms of a paper are the candidate phrases of its title and abstract
 * ({@link Candidates} with {@link Candidates#MENTION_RULES}): runs of 1 to 4 words between stop
 * words and punctuation, not made of generic words alone, neither starting with an adverb nor ending
 * with an adverb or a participle. A term's key is its words' stems joined by spaces, as {@link
 * KeywordExtractor#keyOf} gives it for the same words; names keep their form ("GPT-5", "Qwen3",
 * "Qwen2.5-VL", "DeepSeek-R1" are one word each, neither split nor stemmed, and "LLMs" folds to
 * "llm").
 *
 * <p><b>Named terms and labels.</b> A word is named when it has at least two letters and either a
 * digit ("Qwen3"; a word that begins with one needs a capital too: "3DGS", not "100ms"), a capital after the first letter of a hyphen-separated part ("LLM", "NeRF",
 * "DeepSeek", "SWE-bench"), or, in the abstract only (a title is Title Case), an initial capital
 * while it neither starts a sentence nor stands next to another capitalised word ("the Mamba
 * architecture", not "Large Language Models"), unless its capital is mere convention ("Gaussian",
 * "Bayesian", "English"). A text with no lower-case letter has no named word by case. A term is
 * named when one of its words is, at any mention, or when it is the phrase of an acronym the paper
 * defines. Its label is its words as written with the named words keeping their case and the others
 * lower-cased; of several forms, the paper's most frequent, then the first alphabetically.
 *
 * <p><b>Acronyms.</b> A paper that defines an acronym ({@link Acronyms}: "large language models
 * (LLMs)") mentions the defined phrase, and its uses of the acronym alone ("LLMs", "an LLM") count
 * under the phrase's key, not under the acronym's.
 *
 * <p><b>Listable keywords.</b> {@link #listable} tells whether a term may appear in a trending list:
 *
 * <ul>
 *   <li>never a LaTeX command name ("emph", "textbf", "mathcal"), alone or in a phrase;
 *   <li>a single word only if named by its label: with a digit or a capital letter (labels keep
 *       case for named words only), at least two letters, neither a stop word, a generic word
 *       ("model") nor a word capitalised by convention ("Gaussian");
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
public final class MentionTerms {
  /**
   * A term a paper mentions: its key (as KeywordExtractor.keyOf gives for the same words), a label
   * as people write it, and whether it is a named thing (model/method/dataset name, acronym).
   */
  public record Term(String key, String label, boolean named) {}

  /** LaTeX command names: a leak of markup, never a keyword. */
  private static final Set<String> LATEX =
      Words.words(
          "emph", "textbf", "textit", "texttt", "textsc", "textrm", "textsf", "textnormal", "textup",
          "mathcal", "mathbf", "mathrm", "mathbb", "mathit", "mathsf", "mathtt", "mathfrak",
          "mathscr", "boldsymbol", "operatorname", "cite", "citep", "citet", "citealp", "eqref",
          "autoref", "cref", "href", "url", "frac", "dfrac", "tfrac", "sqrt", "cdot", "cdots",
          "ldots", "infty", "mathop", "overline", "underline", "textsuperscript", "textsubscript",
          "vspace", "hspace", "noindent", "newline", "footnote", "footnotesize", "leq", "geq",
          "neq", "approx", "mathbbm");

  /** Words capitalised by convention, not because they name a model, method or data set. */
  private static final Set<String> CONVENTIONAL_CAPITALS =
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
          "lemma", "algorithm", "equation");

  /** Verbs in their base form: a phrase they begin is a fragment of a sentence ("customize 3d"). */
  private static final Set<String> VERB_BASES =
      Words.words(
          "customize", "customise", "evaluate", "improve", "enhance", "develop", "analyze",
          "analyse", "utilize", "utilise", "employ", "apply", "extend", "integrate", "incorporate",
          "mitigate", "reduce", "increase", "boost", "accelerate", "facilitate", "optimize",
          "optimise", "identify", "predict", "construct", "perform", "assess", "ensure", "maintain",
          "preserve", "exploit", "adapt", "tackle", "solve", "overcome", "alleviate", "handle",
          "understand", "explain", "validate", "verify", "unify", "retrieve", "generate", "refine",
          "learn", "encode", "decode", "detect", "discover", "quantify", "compare", "combine",
          "simplify", "automate", "maximize", "maximise", "minimize", "minimise", "capture",
          "establish", "determine", "eliminate", "prevent", "avoid", "promote", "build", "create",
          "produce", "select", "align", "modify", "mimic", "bridge", "guide", "unlock", "empower",
          "harness", "exhibit", "outline", "summarize", "summarise", "elucidate", "characterize",
          "characterise", "enforce", "deploy", "recover", "reconstruct", "estimate", "extract", "offer",
          "shed", "pave", "take", "bring", "suggest", "reveal", "fill", "hinder", "interpret", "lack",
          "emphasize", "emphasise", "decrease", "increase", "allocate");

  /** Set phrases that name nothing ("vice versa", "sheds light"), as keys. */
  private static final Set<String> IDIOMS =
      Words.words("vice versa", "shed light", "fall short", "take advantage", "pave way", "open question", "great deal", "real world");

  /**
   * Last parts of hyphenated adjectives, which end no keyword ("generates high-quality",
   * "task-specific").
   */
  private static final Set<String> ADJECTIVE_PARTS =
      Words.words(
          "based", "aware", "free", "specific", "level", "scale", "world", "quality", "driven",
          "guided", "efficient", "agnostic", "invariant", "consistent", "friendly", "wise", "like",
          "dependent", "independent", "intensive", "oriented", "centric", "rich", "sensitive",
          "related", "relevant", "enabled", "powered", "ready", "grained", "art", "end", "shot",
          "term", "range", "source", "resource", "dimensional", "modal", "lingual");

  /**
   * Participles that make a kind of a thing rather than say what was done to it: a phrase may
   * begin with them ("supervised fine-tuning", "federated learning", "masked autoencoder").
   */
  private static final Set<String> ED_ADJECTIVES =
      Words.words(
          "supervised", "unsupervised", "augmented", "distributed", "federated", "embedded",
          "connected", "integrated", "structured", "unstructured", "masked", "gated", "mixed",
          "weighted", "directed", "undirected", "randomized", "generalized", "quantized", "compressed",
          "simulated", "linked", "coupled", "constrained", "regularized", "centralized",
          "decentralized", "accelerated", "automated", "labeled", "labelled", "annotated", "advanced",
          "interleaved", "denoised", "stacked", "nested", "hidden", "fixed", "guided", "conditioned");

  /** Words ending in "-ing" that are plain nouns ("string matching" may be a keyword). */
  private static final Set<String> ING_NOUNS =
      Words.words(
          "string", "thing", "something", "anything", "everything", "nothing", "spring", "ring",
          "king", "wing", "swing", "morning", "evening", "ceiling", "building", "bearing",
          "clothing", "housing", "offspring", "sibling", "seedling", "pudding", "earring");

  /** "-ing" forms of {@link #VERB_BASES} that are nouns too ("decoding strategy"). */
  private static final Set<String> GERUND_NOUNS =
      Words.words("learning", "understanding", "encoding", "decoding", "building", "targeting");

  /** Nouns an "-ing" word commonly qualifies: "learning rate", "training data", "reasoning model". */
  private static final Set<String> ING_HEADS =
      Words.words(
          "data", "rate", "model", "set", "method", "algorithm", "procedure", "process", "pipeline",
          "objective", "loss", "dynamics", "sample", "example", "time", "step", "stage", "phase",
          "strategy", "technique", "scheme", "framework", "paradigm", "regime", "task", "agent",
          "system", "trajectory", "corpus", "distribution", "efficiency", "cost", "budget",
          "capability", "ability", "behavior", "behaviour", "trace", "chain", "path", "problem",
          "network", "environment", "benchmark", "dataset", "instance", "point", "window", "layer",
          "head", "module", "unit", "kernel", "function", "policy", "curve", "recipe", "schedule",
          "setup", "setting", "scenario", "error", "performance", "quality", "speed", "length",
          "space", "map", "graph", "matrix", "vector", "engine", "platform", "library", "toolkit",
          "language", "pattern", "signal", "mechanism", "architecture", "component", "block",
          "operator", "protocol", "tree", "table", "cache", "budget", "accuracy", "box", "video",
          "region", "similarity", "dimension", "head", "window", "mask", "loop", "point", "score",
          "performance", "condition", "problem", "game", "theory", "skill", "technology", "tool");

  /** Nouns shaped like adjectives, which may end a keyword ("multi-task objective", "signal"). */
  private static final Set<String> ADJECTIVE_SHAPED_NOUNS =
      Words.words(
          "objective", "alternative", "perspective", "narrative", "derivative", "incentive",
          "initiative", "representative", "directive", "executive", "detective", "archive", "drive",
          "motive", "locomotive", "explosive", "additive", "primitive", "positive", "negative",
          "olive", "hive", "five", "live", "variable", "table", "cable", "vegetable", "timetable",
          "syllable", "deliverable", "wearable", "receivable", "bible", "adhesive", "sedative",
          "preservative", "conservative", "relative", "collective", "operative", "cooperative",
          "signal", "manual", "interval", "proposal", "retrieval", "rehearsal", "arrival", "approval",
          "potential", "material", "journal", "animal", "hospital", "capital", "terminal", "festival",
          "tutorial", "trial", "portal", "removal", "survival", "renewal", "disposal", "denial",
          "referral", "rival", "canal", "crystal", "pedal", "petal", "metal", "total", "mineral",
          "principal", "individual", "official", "editorial", "criminal", "professional", "goal",
          "deal", "meal", "seal", "real", "ideal", "appeal", "reversal", "withdrawal", "dismissal",
          "recital", "acquittal", "rental", "dental", "medal", "vial", "dial", "tribunal", "festival",
          "arsenal", "urinal", "spiral", "coral", "moral", "mural", "oral", "portrayal", "betrayal",
          "physician", "musician", "technician", "librarian", "guardian", "median", "comedian",
          "civilian", "pedestrian", "veterinarian", "historian", "mathematician", "statistician",
          "clinician", "electrician", "politician", "custodian", "christian", "magician", "optician",
          "dietitian", "pediatrician", "practitioner", "hessian", "laplacian", "jacobian", "polynomial",
          "integral", "binomial", "multinomial", "residual", "credential", "differential", "memorial",
          "testimonial", "mammal", "cardinal", "chemical");

  /**
   * Verbs that end a fragment of a sentence rather than a keyword ("findings highlight",
   * "methods face", "datasets comprising"), as written or with a third-person "s".
   */
  private static final Set<String> ENDING_VERBS =
      Words.words(
          "highlight", "suggest", "exhibit", "indicate", "reveal", "remain", "struggle", "offer",
          "lead", "suffer", "fail", "emerge", "underscore", "confirm", "outperform",
          "surpass", "exceed", "perform", "enable", "allow", "require", "rely", "involve", "contain",
          "comprise", "consist", "depend", "hinder", "lack", "raise",
          "arise", "occur", "persist", "exist", "appear", "seem", "tend", "provide", "achieve", "reach",
          "emphasize", "emphasise", "targeting",
          "improve", "enhance", "reduce", "generate", "produce", "predict",
          "comprising", "containing", "involving", "enabling", "leading", "resulting", "yielding",
          "making", "allowing", "spanning", "ranging", "covering", "integrating", "utilizing",
          "combining", "capturing", "highlighting", "demonstrating", "showing", "indicating",
          "suggesting", "revealing", "providing", "offering", "ensuring", "reducing", "increasing",
          "improving", "enhancing", "maintaining", "preserving", "generating", "producing");

  /**
   * Vague modifiers: a phrase they begin names no subject of its own ("multiple datasets",
   * "future research", "valuable insights").
   */
  private static final Set<String> VAGUE_MODIFIERS =
      Words.words(
          "multiple", "future", "valuable", "practical", "traditional", "conventional", "numerous",
          "additional", "vast", "major", "typical", "common", "growing", "emerging", "underlying",
          "paramount", "inherent", "unique", "useful", "actionable", "novel", "various", "several",
          "numerous", "considerable", "notable", "relevant", "related", "corresponding", "respective",
          "appropriate", "suitable", "desired", "desirable", "reliable", "accurate", "precise", "widespread",
          "faithful", "meaningful", "powerful", "rich", "extensive", "richer", "stronger", "deeper",
          "greater", "larger", "smaller", "faster", "broader", "wider", "clear", "clearer");

  private MentionTerms() {}

  /** Every distinct term of the paper's title and abstract, once each, sorted by key. Deterministic. */
  public static List<Term> of(String title, String abstractText) {
    String titleText = title == null ? "" : title;
    String bodyText = abstractText == null ? "" : abstractText;
    List<Tokenizer.Token> head = Tokenizer.tokenize(titleText);
    List<Tokenizer.Token> body = Tokenizer.tokenize(bodyText);
    Map<String, Stats> stats = new HashMap<>(256);
    Map<String, String> expansions = new HashMap<>(4);
    List<Runnable> definitions = new ArrayList<>(0);
    boolean[] headNamed = namedWords(titleText, head, true);
    boolean[] bodyNamed = namedWords(bodyText, body, false);
    defineAcronyms(titleText, head, headNamed, stats, expansions, definitions);
    defineAcronyms(bodyText, body, bodyNamed, stats, expansions, definitions);
    collect(head, headNamed, stats, expansions);
    collect(body, bodyNamed, stats, expansions);
    for (Runnable definition : definitions) {
      definition.run();
    }
    Map<String, String> families = families(stats);
    String[] keys = stats.keySet().toArray(new String[0]);
    List<Term> terms = new ArrayList<>(keys.length + families.size());
    for (String key : keys) {
      Stats s = stats.get(key);
      terms.add(new Term(key, s.label(), s.named));
    }
    families.forEach((key, label) -> terms.add(new Term(key, label, true)));
    terms.sort(java.util.Comparator.comparing(Term::key));
    return terms;
  }

  /**
   * The model families a paper's versioned names belong to, that it does not name as such:
   * "GPT-5.2" belongs to "GPT-5", "Qwen3.5-9B" to "Qwen3" and "Qwen3.5", "Llama-3.1-8B" to
   * "Llama-3" and "Llama-3.1". A family is a part of the name up to a '.' or '-' that holds a
   * letter and a digit, so "GPT" alone is none.
   */
  private static Map<String, String> families(Map<String, Stats> stats) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      String key = e.getKey();
      String label = e.getValue().label();
      if (!e.getValue().named || key.indexOf(' ') >= 0 || label.length() != key.length() || !hasDigit(key)) {
        continue;
      }
      for (int i = 1; i < key.length(); i++) {
        char c = key.charAt(i);
        if ((c == '.' || c == '-') && hasDigit(key.substring(0, i)) && hasLetter(key.substring(0, i))) {
          String family = key.substring(0, i);
          if (!stats.containsKey(family)) {
            out.merge(family, label.substring(0, i), (a, b) -> a.compareTo(b) <= 0 ? a : b);
          }
        }
      }
    }
    return out;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a keyword may appear in a trending list (rules in the class comment). {@code label} is
   * the label the trend carries: it keeps capitals for named words only.
   */
  public static boolean listable(String key, String label) {
    if (key == null || key.isBlank()) {
      return false;
    }
    String[] keyWords = key.trim().split(" ");
    String[] labelWords = label == null ? keyWords : label.trim().split(" ");
    if (labelWords.length != keyWords.length) {
      labelWords = keyWords;
    }
    for (String word : keyWords) {
      if (LATEX.contains(word)) {
        return false;
      }
    }
    if (keyWords.length == 1) {
      return listableWord(keyWords[0], labelWords[0]);
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
    String first = labelWords[0];
    String firstLower = first.toLowerCase(Locale.ROOT);
    String last = keyWords[keyWords.length - 1];
    if (allGeneric
        || IDIOMS.contains(key)
        || (letters < 3 && !named)
        || Words.FUNCTION.contains(firstLower)
        || Words.FUNCTION.contains(last)) {
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
    return namedShape(lastLabel) || !endsBadly(last, lastLabel.toLowerCase(Locale.ROOT));
  }

  private static boolean listableWord(String key, String label) {
    String lower = label.toLowerCase(Locale.ROOT);
    if (Words.STOP.contains(key) || Words.STOP.contains(lower) || Words.GENERIC.contains(key)
        || Words.GENERIC.contains(lower) || CONVENTIONAL_CAPITALS.contains(key)
        || CONVENTIONAL_CAPITALS.contains(lower)) {
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
        && !ED_ADJECTIVES.contains(first)) {
      return false;
    }
    if (VERB_BASES.contains(first) || VAGUE_MODIFIERS.contains(first)
        || first.endsWith("s") && VERB_BASES.contains(first.substring(0, first.length() - 1))) {
      return false;
    }
    if (first.endsWith("ing") && first.length() >= 6 && !ING_NOUNS.contains(first)) {
      return !isVerbBase(first.substring(0, first.length() - 3)) && (namedLast || ING_HEADS.contains(last));
    }
    return true;
  }

  /** Whether {@code stem} ("enhanc", "reduc", "learn") is a verb of {@link #VERB_BASES}, bar gerund nouns. */
  private static boolean isVerbBase(String stem) {
    return !GERUND_NOUNS.contains(stem + "ing") && (VERB_BASES.contains(stem) || VERB_BASES.contains(stem + "e"));
  }

  /** A word that reads as a verb inside a phrase: "KB contains images", "models reaching". */
  private static boolean verbForm(String lower) {
    int n = lower.length();
    return n > 4 && lower.endsWith("s") && ENDING_VERBS.contains(lower.substring(0, n - 1))
        || n > 6 && lower.endsWith("ing") && ENDING_VERBS.contains(lower);
  }

  /** Whether a phrase's last word, as its stem, reads as an adjective or a verb, not a noun. */
  private static boolean endsBadly(String last, String lastLower) {
    if (last.equals("based") || ENDING_VERBS.contains(lastLower) || ENDING_VERBS.contains(last)
        || lastLower.endsWith("s") && ENDING_VERBS.contains(lastLower.substring(0, lastLower.length() - 1))) {
      return true;
    }
    if (ADJECTIVE_SHAPED_NOUNS.contains(last)) {
      return false;
    }
    int hyphen = last.lastIndexOf('-');
    if (hyphen >= 0 && ADJECTIVE_PARTS.contains(last.substring(hyphen + 1))) {
      return true;
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

  /** Which tokens are named words (rules in the class comment). */
  private static boolean[] namedWords(String text, List<Tokenizer.Token> tokens, boolean title) {
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

  private static final int ORDINARY = 0;
  private static final int CAPITALISED = 1;
  private static final int NAME = 2;

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

  private static boolean hasDigit(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records the acronyms {@code text} defines: the acronym's key now, so that its uses count under
   * the phrase, and the phrase's mention once the candidates are in (it may be none, holding a stop
   * word). The first definition of an acronym holds.
   */
  private static void defineAcronyms(
      String text,
      List<Tokenizer.Token> tokens,
      boolean[] named,
      Map<String, Stats> stats,
      Map<String, String> expansions,
      List<Runnable> definitions) {
    Acronyms.forEach(
        text,
        tokens,
        d -> {
          String acronymKey = tokens.get(d.acronym()).stem();
          String key = key(tokens, d.start(), d.words());
          if (expansions.containsKey(acronymKey) || key.equals(acronymKey) || allGeneric(tokens, d)) {
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
              });
        });
  }

  private static boolean allGeneric(List<Tokenizer.Token> tokens, Acronyms.Definition d) {
    for (int i = d.start(); i < d.start() + d.words(); i++) {
      if (!tokens.get(i).generic() && !tokens.get(i).stop()) {
        return false;
      }
    }
    return true;
  }

  private static void collect(
      List<Tokenizer.Token> tokens, boolean[] named, Map<String, Stats> stats, Map<String, String> expansions) {
    Candidates.forEachSpan(
        tokens,
        Candidates.MENTION_RULES,
        (start, words, key) -> {
          if (words == 1 && !expansions.isEmpty() && expansions.containsKey(key)) {
            return; // a defined acronym counts under its phrase, recorded with the definition
          }
          Stats s = stats.get(key);
          if (s == null) {
            s = new Stats(key);
            stats.put(key, s);
          }
          s.addLabel(label(tokens, named, start, words, key));
          for (int i = start; i < start + words && !s.named; i++) {
            s.named = named[i];
          }
        });
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

  /** A term's mentions in one paper: its labels with their counts, and whether it is named. */
  private static final class Stats {
    final String key;
    /** The first label and its count; other labels, rare, in a map made when needed. */
    String firstLabel;
    int firstLabelCount;
    Map<String, Integer> otherLabels;
    boolean named;

    Stats(String key) {
      this.key = key;
    }

    void addLabel(String label) {
      if (firstLabel == null) {
        firstLabel = label;
      }
      if (firstLabel.equals(label)) {
        firstLabelCount++;
      } else {
        if (otherLabels == null) {
          otherLabels = new HashMap<>(4);
        }
        otherLabels.merge(label, 1, Integer::sum);
      }
    }

    /** The most frequent label; of equally frequent ones, the first in alphabetical order. */
    String label() {
      if (otherLabels == null) {
        return firstLabel;
      }
      String best = firstLabel;
      int bestCount = firstLabelCount;
      for (Map.Entry<String, Integer> e : otherLabels.entrySet()) {
        if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      return best;
    }
  }
}
