package io.paperpulse.streams.subjects;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * arXiv categories mapped to readable subjects. Computer science and its neighbours keep their own
 * subjects; other archives fold into one subject each, so the set of subjects (and of metric series)
 * stays bounded.
 */
public final class Taxonomy {
  /** The subject of a category this taxonomy does not know. */
  public static final String OTHER = "Other";

  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("cs.AI", "Artificial Intelligence"),
          Map.entry("cs.AR", "Hardware Architecture"),
          Map.entry("cs.CC", "Computational Complexity"),
          Map.entry("cs.CE", "Computational Engineering"),
          Map.entry("cs.CG", "Computational Geometry"),
          Map.entry("cs.CL", "Computation and Language"),
          Map.entry("cs.CR", "Cryptography and Security"),
          Map.entry("cs.CV", "Computer Vision"),
          Map.entry("cs.CY", "Computers and Society"),
          Map.entry("cs.DB", "Databases"),
          Map.entry("cs.DC", "Distributed Computing"),
          Map.entry("cs.DL", "Digital Libraries"),
          Map.entry("cs.DM", "Discrete Mathematics"),
          Map.entry("cs.DS", "Data Structures and Algorithms"),
          Map.entry("cs.ET", "Emerging Technologies"),
          Map.entry("cs.FL", "Formal Languages"),
          Map.entry("cs.GL", "General Literature"),
          Map.entry("cs.GR", "Graphics"),
          Map.entry("cs.GT", "Game Theory"),
          Map.entry("cs.HC", "Human-Computer Interaction"),
          Map.entry("cs.IR", "Information Retrieval"),
          Map.entry("cs.IT", "Information Theory"),
          Map.entry("math.IT", "Information Theory"),
          Map.entry("cs.LG", "Machine Learning"),
          Map.entry("stat.ML", "Machine Learning"),
          Map.entry("cs.LO", "Logic in Computer Science"),
          Map.entry("cs.MA", "Multiagent Systems"),
          Map.entry("cs.MM", "Multimedia"),
          Map.entry("cs.MS", "Mathematical Software"),
          Map.entry("cs.NA", "Numerical Analysis"),
          Map.entry("math.NA", "Numerical Analysis"),
          Map.entry("cs.NE", "Neural and Evolutionary Computing"),
          Map.entry("cs.NI", "Networking"),
          Map.entry("cs.OH", "Other Computer Science"),
          Map.entry("cs.OS", "Operating Systems"),
          Map.entry("cs.PF", "Performance"),
          Map.entry("cs.PL", "Programming Languages"),
          Map.entry("cs.RO", "Robotics"),
          Map.entry("cs.SC", "Symbolic Computation"),
          Map.entry("cs.SD", "Sound"),
          Map.entry("cs.SE", "Software Engineering"),
          Map.entry("cs.SI", "Social and Information Networks"),
          Map.entry("cs.SY", "Systems and Control"),
          Map.entry("eess.SY", "Systems and Control"),
          Map.entry("eess.AS", "Audio and Speech Processing"),
          Map.entry("eess.IV", "Image and Video Processing"),
          Map.entry("eess.SP", "Signal Processing"),
          Map.entry("math.OC", "Optimization and Control"),
          Map.entry("quant-ph", "Quantum Physics"));

  private static final Map<String, String> ARCHIVES =
      Map.ofEntries(
          Map.entry("cs", "Other Computer Science"),
          Map.entry("stat", "Statistics"),
          Map.entry("math", "Mathematics"),
          Map.entry("eess", "Electrical Engineering"),
          Map.entry("physics", "Physics"),
          Map.entry("astro-ph", "Astrophysics"),
          Map.entry("cond-mat", "Condensed Matter"),
          Map.entry("gr-qc", "General Relativity and Quantum Cosmology"),
          Map.entry("hep-ex", "High Energy Physics"),
          Map.entry("hep-lat", "High Energy Physics"),
          Map.entry("hep-ph", "High Energy Physics"),
          Map.entry("hep-th", "High Energy Physics"),
          Map.entry("math-ph", "Mathematical Physics"),
          Map.entry("nlin", "Nonlinear Sciences"),
          Map.entry("nucl-ex", "Nuclear Physics"),
          Map.entry("nucl-th", "Nuclear Physics"),
          Map.entry("q-bio", "Quantitative Biology"),
          Map.entry("q-fin", "Quantitative Finance"),
          Map.entry("econ", "Economics"));

  private Taxonomy() {}

  /** The subject of one category, e.g. {@code cs.LG} is "Machine Learning". */
  public static String subjectOf(String category) {
    String subject = CATEGORIES.get(category);
    if (subject != null) {
      return subject;
    }
    int dot = category.indexOf('.');
    String archive = dot < 0 ? category : category.substring(0, dot);
    return ARCHIVES.getOrDefault(archive, OTHER);
  }

  /** The distinct subjects of a category list, in order (the primary category's first). */
  public static List<String> subjectsOf(List<String> categories) {
    Set<String> subjects = new LinkedHashSet<>();
    for (String category : categories) {
      subjects.add(subjectOf(category));
    }
    return List.copyOf(subjects);
  }

  /** Every subject this taxonomy can give, for dashboards and bounded metrics. */
  public static Set<String> allSubjects() {
    Set<String> all = new LinkedHashSet<>(CATEGORIES.values());
    all.addAll(ARCHIVES.values());
    all.add(OTHER);
    return all;
  }
}
