package io.paperpulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * docs/benchmarks.md, written in sections: each benchmark replaces its own section (between
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}) and leaves the others as they are,
 * so each can be rerun alone.
 */
final class Report {
  private static final String[] ORDER = {"machine", "ladder", "producer", "backfill", "month", "latency", "memory", "extractor", "profile"};

  private Report() {}

  static void section(Path report, String name, String markdown) throws IOException {
    String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "# Benchmarks\n";
    String open = "<!-- bench:" + name + " -->\n";
    String close = "<!-- /bench:" + name + " -->\n";
    String block = open + markdown.strip() + "\n" + close;
    int start = text.indexOf(open);
    if (start >= 0) {
      int end = text.indexOf(close, start) + close.length();
      text = text.substring(0, start) + block + text.substring(end);
    } else {
      text = insertInOrder(text, name, block);
    }
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text, StandardCharsets.UTF_8);
    System.out.println(markdown);
  }

  /** Puts a new section before the first present section that comes after it in {@link #ORDER}. */
  private static String insertInOrder(String text, String name, String block) {
    boolean after = false;
    for (String other : ORDER) {
      if (other.equals(name)) {
        after = true;
        continue;
      }
      int at = text.indexOf("<!-- bench:" + other + " -->");
      if (after && at >= 0) {
        return text.substring(0, at) + block + "\n" + text.substring(at);
      }
    }
    return text.stripTrailing() + "\n\n" + block;
  }

  /** One line on the machine, for every section: cores, heap, Java. */
  static String machine() {
    return String.format(Locale.ROOT, "%d cores, %,d MiB max heap for the benchmark JVM, Java %s, on %s %s",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version(),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  static double median(java.util.List<Double> values) {
    java.util.List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
