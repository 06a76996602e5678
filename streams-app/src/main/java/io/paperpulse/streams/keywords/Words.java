package io.paperpulse.streams.keywords;

import java.util.Locale;
import java.util.Set;

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
          "yields", "require", "requires", "requiring", "tend", "tends", "often", "rely", "relies");

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
          "user", "human", "world", "real", "real-world", "art", "state", "novel", "various");

  private Words() {}

  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /**
   * Folds plurals and a few inflections so that "Models", "model" and "modeling" share a key with
   * neither a dictionary nor a model download. Deliberately light: it never changes a word shorter
   * than four letters and leaves acronyms alone.
   */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    int n = w.length();
    if (n <= 3) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      w = w.substring(0, n - 3) + "y";
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
