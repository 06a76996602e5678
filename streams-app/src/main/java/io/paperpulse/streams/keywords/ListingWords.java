package io.paperpulse.streams.keywords;

import java.util.Set;

/**
 * The word lists by which {@link ListableTerms} tells a keyphrase from a fragment of a sentence:
 * LaTeX command names, verbs and vague modifiers that begin no keyword, verbs and adjective-shaped
 * words that end none, and the nouns that look like them but may.
 */
final class ListingWords {
  /** LaTeX command names: a leak of markup, never a keyword. */
  static final Set<String> LATEX =
      Words.words(
          "emph", "textbf", "textit", "texttt", "textsc", "textrm", "textsf", "textnormal", "textup",
          "mathcal", "mathbf", "mathrm", "mathbb", "mathit", "mathsf", "mathtt", "mathfrak",
          "mathscr", "boldsymbol", "operatorname", "cite", "citep", "citet", "citealp", "eqref",
          "autoref", "cref", "href", "url", "frac", "dfrac", "tfrac", "sqrt", "cdot", "cdots",
          "ldots", "infty", "mathop", "overline", "underline", "textsuperscript", "textsubscript",
          "vspace", "hspace", "noindent", "newline", "footnote", "footnotesize", "leq", "geq",
          "neq", "approx", "mathbbm");

  /** Verbs in their base form: a phrase they begin is a fragment of a sentence ("customize 3d"). */
  static final Set<String> VERB_BASES =
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
  static final Set<String> IDIOMS =
      Words.words("vice versa", "shed light", "fall short", "take advantage", "pave way", "open question", "great deal", "real world");

  /**
   * Last parts of hyphenated adjectives, which end no keyword ("generates high-quality",
   * "task-specific").
   */
  static final Set<String> ADJECTIVE_PARTS =
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
  static final Set<String> ED_ADJECTIVES =
      Words.words(
          "supervised", "unsupervised", "augmented", "distributed", "federated", "embedded",
          "connected", "integrated", "structured", "unstructured", "masked", "gated", "mixed",
          "weighted", "directed", "undirected", "randomized", "generalized", "quantized", "compressed",
          "simulated", "linked", "coupled", "constrained", "regularized", "centralized",
          "decentralized", "accelerated", "automated", "labeled", "labelled", "annotated", "advanced",
          "interleaved", "denoised", "stacked", "nested", "hidden", "fixed", "guided", "conditioned");

  /** Words ending in "-ing" that are plain nouns ("string matching" may be a keyword). */
  static final Set<String> ING_NOUNS =
      Words.words(
          "string", "thing", "something", "anything", "everything", "nothing", "spring", "ring",
          "king", "wing", "swing", "morning", "evening", "ceiling", "building", "bearing",
          "clothing", "housing", "offspring", "sibling", "seedling", "pudding", "earring");

  /** "-ing" forms of {@link #VERB_BASES} that are nouns too ("decoding strategy"). */
  static final Set<String> GERUND_NOUNS =
      Words.words("learning", "understanding", "encoding", "decoding", "building", "targeting");

  /** Nouns an "-ing" word commonly qualifies: "learning rate", "training data", "reasoning model". */
  static final Set<String> ING_HEADS =
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
  static final Set<String> ADJECTIVE_SHAPED_NOUNS =
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
  static final Set<String> ENDING_VERBS =
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
  static final Set<String> VAGUE_MODIFIERS =
      Words.words(
          "multiple", "future", "valuable", "practical", "traditional", "conventional", "numerous",
          "additional", "vast", "major", "typical", "common", "growing", "emerging", "underlying",
          "paramount", "inherent", "unique", "useful", "actionable", "novel", "various", "several",
          "numerous", "considerable", "notable", "relevant", "related", "corresponding", "respective",
          "appropriate", "suitable", "desired", "desirable", "reliable", "accurate", "precise", "widespread",
          "faithful", "meaningful", "powerful", "rich", "extensive", "richer", "stronger", "deeper",
          "greater", "larger", "smaller", "faster", "broader", "wider", "clear", "clearer");

  private ListingWords() {}
}
