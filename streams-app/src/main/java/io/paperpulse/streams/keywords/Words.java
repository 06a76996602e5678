package io.paperpulse.streams.keywords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word lists and the stemmer the keyword extractor uses. Stop words end a candidate phrase;
 * generic words ("model", "method") are no keyword alone or only with each other ("data model"),
 * but may be part of one ("diffusion model", "data stream").
 */
final class Words {
  static final Set<String> STOP =
      words(
          "a", "about", "above", "after", "again", "against", "all", "almost", "along", "already",
          "also", "although", "always", "am", "among", "an", "and", "another", "any", "are", "as",
          "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
          "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "due", "during",
          "each", "either", "else", "enough", "especially", "etc", "even", "ever", "every", "few",
          "for", "from", "further", "furthermore", "had", "has", "have", "having", "he", "hence",
          "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
          "in", "into", "is", "it", "its", "itself", "just", "less", "like", "many", "may", "me",
          "meanwhile", "might", "more", "moreover", "most", "much", "must", "my", "namely", "neither",
          "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "onto", "or",
          "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per",
          "perhaps", "quite", "rather", "same", "several", "she", "should", "since", "so", "some",
          "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
          "thereby", "therefore", "these", "they", "this", "those", "though", "through", "thus",
          "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via",
          "was", "we", "were", "what", "whatever", "when", "where", "whereas", "whether", "which",
          "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
          "yet", "you", "your", "yours", "i.e", "e.g", "et", "al", "vs", "two", "three", "four",
          "five", "first", "second", "third", "well", "still", "thereof", "wherein", "whereby",
          "able", "across", "around", "based", "using", "use", "used", "uses", "show", "shows",
          "showed", "shown", "propose", "proposes", "proposed", "present", "presents", "presented",
          "introduce", "introduces", "introduced", "demonstrate", "demonstrates", "demonstrated",
          "achieve", "achieves", "achieved", "achieving", "obtain", "obtained", "provide",
          "provides", "provided", "make", "makes", "made", "allow", "allows", "enable", "enables",
          "leverage", "leverages", "leveraging", "include", "includes", "including", "consider",
          "considered", "given", "called", "termed", "named", "new", "novel", "existing", "recent",
          "recently", "significantly", "significant", "extensive", "extensively", "various",
          "different", "effective", "effectively", "efficient", "efficiently", "respectively",
          "specifically", "particular", "particularly", "importantly", "additionally", "finally",
          "first", "key", "main", "overall", "simple", "strong", "better", "best", "high", "higher",
          "low", "lower", "large", "small", "good", "state-of-the-art", "sota", "outperforms",
          "outperform", "outperforming", "improve", "improves", "improved", "improving",
          "remains", "remain", "become", "becomes", "paper", "work", "study", "approach",
          "approaches", "results", "result", "experiments", "experiment", "experimental",
          "task", "tasks", "performance", "ability", "abilities", "way",
          "ways", "number", "set", "sets", "case", "cases", "part", "level", "range", "type",
          "types", "lack", "need", "needs", "address", "addresses", "addressing", "aim", "aims",
          "focus", "focuses", "challenge", "challenges", "challenging", "issue", "issues", "code",
          "available", "publicly", "github", "https", "http", "www", "com", "org", "project",
          "page", "furthermore", "notably", "typically", "widely", "commonly", "usually",
          "generally", "often", "existing", "prior", "previous", "previously", "current",
          "currently", "potential", "possible", "possibly", "crucial", "critical", "important",
          "essential", "fundamental", "comprehensive", "superior", "competitive", "promising",
          "remarkable", "impressive", "robust", "diverse", "wide", "broad", "specific", "certain",
          "whole", "entire", "full", "fully", "highly", "largely", "mostly", "mainly", "i", "ii",
          "iii", "iv", "v", "overview", "investigate", "investigates", "explore", "explores",
          "examine", "examines", "reveal", "reveals", "find", "finds", "found", "studies", "tremendous",
          "success", "successful", "great", "greatly", "substantial", "substantially", "considerable",
          "able", "unable", "less", "least", "among", "without", "conduct", "conducted", "yield",
          "yields", "throughout", "require", "requires", "requiring", "tend", "tends", "often", "rely", "relies");

  /** Words too general to be a keyword on their own or at the edge of one. */
  static final Set<String> GENERIC =
      words(
          "model", "method", "problem", "system", "data", "framework", "analysis", "technique", "algorithm", "network",
          "process", "strategy", "tool", "module", "component", "mechanism", "setting", "scenario",
          "application", "feature", "information", "knowledge", "quality", "accuracy", "cost",
          "efficiency", "effectiveness", "benchmark", "dataset", "evaluation", "training",
          "improvement", "solution", "design", "structure", "pipeline", "architecture", "scale",
          "time", "field", "domain", "area", "aspect", "factor", "property", "condition", "term",
          "terms", "step", "stage", "manner", "end", "degree", "order", "form", "version", "value",
          "research", "researcher", "insight", "finding", "work", "baseline", "experiment",
          "metric", "score", "goal", "objective", "idea", "concept", "fact", "question", "answer",
          "user", "human", "real", "real-world", "art", "state", "novel", "various");

  /**
   * Heads of "X of Y" that count or group rather than name a thing ("number of parameters", "set of
   * tasks"): no mention term starts with them ({@link Candidates#forEachOfPhrase}).
   */
  static final Set<String> QUANTITY_HEADS =
      words(
          "number", "numbers", "variety", "range", "set", "sets", "series", "amount", "amounts", "kind", "kinds",
          "type", "types", "class", "classes", "group", "groups", "level", "levels", "use", "lack", "part", "parts",
          "lot", "lots", "array", "host", "majority", "collection", "family", "suite", "sequence", "pair", "pairs",
          "subset", "combination", "sort", "portion", "fraction", "percentage", "proportion", "size", "example",
          "examples", "instance", "instances", "case", "cases", "role", "importance", "presence", "absence", "effect",
          "effects", "impact", "study", "survey", "review", "overview", "way", "ways", "need", "ability");

  /** Words ending in "-ly" that are nouns or adjectives, not adverbs ("anomaly detection"). */
  static final Set<String> LY_NOUNS =
      words(
          "anomaly", "assembly", "family", "supply", "early", "reply", "italy", "butterfly", "poly",
          "monopoly", "ally", "rally", "jelly", "belly", "holy", "lily", "fly", "ply", "daily", "july",
          "homily", "firefly", "dragonfly");

  /** Words ending in "-ed" that are no participle ("speed" and the like are caught by their ending). */
  static final Set<String> ED_NOUNS = words("embed", "hundred", "sacred", "naked", "wicked", "bed", "red", "shed");

  /**
   * Stop words for keyphrases that begin many terms people track ("large language model", "small
   * language model", "code generation", "key-value cache", "high-resolution"): in a paper's mention
   * terms they may start a phrase, never stand alone or end one.
   */
  static final Set<String> MODIFIERS =
      words("large", "small", "low", "high", "key", "code", "task", "full", "wide", "multi", "simple", "strong", "robust", "diverse");

  /**
   * Adjectives that say how a thing is rather than which thing it is ("similar results", "major
   * challenge", "traditional approaches"): a keyphrase that begins with one weighs less ({@link
   * KeywordExtractor#GENERIC_START}), but may still be chosen.
   */
  static final Set<String> VAGUE_MODIFIERS =
      words(
          "similar", "general", "basic", "direct", "useful", "typical", "numerous", "major", "minor", "single",
          "final", "latter", "former", "later", "selected", "estimated", "accurate", "identical", "reliable",
          "increased", "decreased", "sustained", "clear", "relevant", "common", "original", "additional",
          "appropriate", "suitable", "proper", "respective", "corresponding", "actual", "exact", "precise", "correct",
          "following", "traditional", "conventional", "usual", "obvious", "interesting", "poor", "excellent",
          "larger", "smaller", "greater", "last", "next", "devoted", "celebrated", "observed", "reported", "known");

  /**
   * Function words: determiners, pronouns, prepositions and conjunctions, which never begin or end
   * a keyword even where a phrase may hold stop words ("mixture of experts").
   */
  static final Set<String> FUNCTION =
      words(
          "a", "an", "the", "this", "that", "these", "those", "our", "their", "its", "his", "her",
          "my", "your", "we", "they", "it", "of", "for", "and", "or", "nor", "but", "to", "in", "on",
          "at", "by", "with", "from", "into", "onto", "as", "via", "per", "than", "which", "who",
          "whose", "what", "where", "when", "is", "are", "was", "were", "be", "been");

  /** Verbs, which end a phrase like stop words do ("customize" in "customize 3D faces"); see verbs.txt. */
  static final Set<String> VERBS = resource("verbs.txt");

  /**
   * Endings of adjectives ("-al", "-ive", "-ous"): a keyphrase does not end with one ("optimized
   * bi-granular", "universal generative"), unless the word is a noun of {@link #ADJECTIVE_NOUNS}.
   */
  private static final String[] ADJECTIVE_ENDINGS = {"al", "ar", "ive", "ous", "ic", "able", "ible", "ful", "less"};

  /** Nouns with an adjective's ending. */
  static final Set<String> ADJECTIVE_NOUNS =
      words(
          "retrieval", "signal", "interval", "proposal", "potential", "trial", "removal", "approval",
          "journal", "tutorial", "material", "terminal", "rival", "arrival", "survival", "portal",
          "festival", "manual", "capital", "animal", "hospital", "rehearsal", "reversal", "referral",
          "denial", "principal", "mineral", "arsenal", "radar", "lidar", "sonar", "grammar",
          "scalar", "calendar", "seminar", "pillar", "objective", "incentive",
          "alternative", "initiative", "perspective", "directive", "primitive", "derivative",
          "narrative", "representative", "executive", "detective", "metric", "logic", "topic",
          "traffic", "music", "clinic", "epidemic", "rhetoric", "arithmetic", "heuristic",
          "mechanic", "critic", "fabric", "graphic", "mosaic", "tactic", "magic", "panic", "forensic",
          "optic", "variable", "table", "cable", "deliverable", "observable",
          "timetable", "constable", "handful", "wireless");

  /** A bit of {@link #kinds}: the word is in {@link #STOP}. */
  static final int STOP_WORD = 1;
  /** A bit of {@link #kinds}: the word is in {@link #GENERIC}. */
  static final int GENERIC_WORD = 2;
  /** A bit of {@link #kinds}: the word is in {@link #VERBS}. */
  static final int VERB = 4;

  /** The kinds of every listed word, so that a token needs one lookup, not one a list. */
  private static final Map<String, Integer> KINDS = kindsOf();

  private Words() {}

  /** The {@link #STOP_WORD}, {@link #GENERIC_WORD} and {@link #VERB} bits of a lower-case word. */
  static int kinds(String lower) {
    Integer kinds = KINDS.get(lower);
    return kinds == null ? 0 : kinds;
  }

  private static Map<String, Integer> kindsOf() {
    Map<String, Integer> kinds = new HashMap<>();
    STOP.forEach(w -> kinds.merge(w, STOP_WORD, (a, b) -> a | b));
    GENERIC.forEach(w -> kinds.merge(w, GENERIC_WORD, (a, b) -> a | b));
    VERBS.forEach(w -> kinds.merge(w, VERB, (a, b) -> a | b));
    return kinds;
  }

  /** Whether a lower-case word ends like an adjective and is not a known noun. */
  static boolean adjective(String lower) {
    if (lower.length() <= 4 || ADJECTIVE_NOUNS.contains(lower)) {
      return false;
    }
    for (String ending : ADJECTIVE_ENDINGS) {
      if (lower.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> resource(String name) {
    try (InputStream in = Words.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + Words.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /**
   * Folds plurals and a few inflections so that "Models", "model" and "modeling" share a key with
   * neither a dictionary nor a model download. Deliberately light: it never changes a word shorter
   * than four letters, and names keep their form: a word with a digit ("Qwen3", "GPT-5") is only
   * lower-cased, and so is an acronym-like word ("MoE", "LLaMA", "SQL"), but for the plural of an
   * acronym ("LLMs", "NeRFs", "LMs"), which loses its "s". A hyphenated word without a digit is its
   * parts as if written apart ("KV-caches" gives "kv cache", as "KV caches" does; "Text-to-SQL"
   * gives "text to sql"), and only its last part is folded, so "fine-tuning" and "fine tuning" share
   * a key too.
   *
   * @param word the word as written; the result is lower case
   */
  static String stem(String word) {
    return stem(word, word.toLowerCase(Locale.ROOT));
  }

  /**
   * {@link #stem(String)} of a word whose lower-case form is known: {@code lower} itself when the
   * word folds to nothing shorter.
   */
  static String stem(String word, String lower) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= '0' && c <= '9' || c > 127 && Character.isDigit(c)) {
        return lower;
      }
    }
    int hyphen = word.lastIndexOf('-');
    int lowerHyphen = lower.lastIndexOf('-');
    if (hyphen < 0 || lowerHyphen < 0) {
      return stemPart(word, lower);
    }
    return lower.substring(0, lowerHyphen).replace('-', ' ') + ' '
        + stemPart(word.substring(hyphen + 1), lower.substring(lowerHyphen + 1));
  }

  /** The stem of a word with neither a digit nor a hyphen. */
  private static String stemPart(String word, String lower) {
    int n = word.length();
    int upper = 0;
    for (int i = 0; i < n; i++) {
      upper += Character.isUpperCase(word.charAt(i)) ? 1 : 0;
    }
    if (upper >= 2 && n >= 2 && lower.length() == n) {
      if (word.charAt(n - 1) == 's' && Character.isUpperCase(word.charAt(n - 2))) {
        return lower.substring(0, n - 1); // the plural of an acronym
      }
      if (Character.isUpperCase(word.charAt(n - 2)) || Character.isUpperCase(word.charAt(n - 1))) {
        return lower;
      }
    }
    return foldInflection(lower);
  }

  /** Plurals in "-ches" whose singular ends in "-che", where "-ches" usually drops "es" ("approaches"). */
  private static final Set<String> CHE_PLURALS =
      words("caches", "niches", "avalanches", "tranches", "headaches", "psyches", "cliches", "creches", "quiches",
          "moustaches", "microcaches");

  private static String foldInflection(String w) {
    int n = w.length();
    if (n <= 3) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      w = w.substring(0, n - 3) + "y";
    } else if (CHE_PLURALS.contains(w)) {
      w = w.substring(0, n - 1); // "caches": the singular ends in "-che"
    } else if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
      w = w.substring(0, n - 2);
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
        && !w.endsWith("ics")) {
      w = w.substring(0, n - 1);
    }
    if (w.endsWith("ing") && w.length() > 6) {
      w = w.substring(0, w.length() - 3);
    }
    return w;
  }
}
