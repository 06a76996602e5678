package io.paperpulse.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a Java runtime of at least a given version, for servers that need a newer Java than ours. */
public final class JavaRuntimes {
  /** The environment variable that names the Java home to run the registry with. */
  public static final String REGISTRY_JAVA_HOME = "PAPERPULSE_REGISTRY_JAVA_HOME";

  private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");
  private static final List<String> SEARCH_DIRS =
      List.of(
          "/usr/lib/jvm",
          "/usr/java",
          "/opt/java",
          "/opt",
          System.getProperty("user.home") + "/.sdkman/candidates/java",
          System.getProperty("user.home") + "/.jdks",
          "/Library/Java/JavaVirtualMachines");

  private JavaRuntimes() {}

  /**
   * The {@code java} executable of a runtime of at least {@code minMajor}: the one named by {@link
   * #REGISTRY_JAVA_HOME}, else the running one, else the newest installed.
   */
  public static Path find(int minMajor, Map<String, String> env) {
    String named = env.get(REGISTRY_JAVA_HOME);
    if (named != null && !named.isBlank()) {
      Path home = Path.of(named);
      int major = majorOf(home).orElse(0);
      if (major < minMajor || !Files.isExecutable(javaIn(home))) {
        throw new LocalStackException(
            REGISTRY_JAVA_HOME + "=" + named + " is not a Java " + minMajor + "+ home (found "
                + (major == 0 ? "no Java there" : "Java " + major) + ")");
      }
      return javaIn(home);
    }
    if (Runtime.version().feature() >= minMajor) {
      return Path.of(System.getProperty("java.home"), "bin", "java");
    }
    Path best = null;
    int bestMajor = 0;
    for (Path home : candidates()) {
      int major = majorOf(home).orElse(0);
      if (major >= minMajor && major > bestMajor && Files.isExecutable(javaIn(home))) {
        best = home;
        bestMajor = major;
      }
    }
    if (best == null) {
      throw new LocalStackException(
          "the schema registry (Apicurio Registry) needs Java " + minMajor + " or newer, and none "
              + "was found (this JVM is Java " + Runtime.version().feature() + "; searched "
              + String.join(", ", SEARCH_DIRS) + "). Install one, e.g. 'apt-get install "
              + "openjdk-" + minMajor + "-jre-headless' or a Temurin " + minMajor + "+ JDK, or set "
              + REGISTRY_JAVA_HOME + " to its home.");
    }
    return javaIn(best);
  }

  private static List<Path> candidates() {
    List<Path> homes = new ArrayList<>();
    for (String dir : SEARCH_DIRS) {
      Path root = Path.of(dir);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        for (Path entry : entries) {
          homes.add(entry);
          homes.add(entry.resolve("Contents/Home"));
        }
      } catch (IOException ignored) {
        // An unreadable directory holds no runtime we could use.
      }
    }
    return homes;
  }

  private static Path javaIn(Path home) {
    return home.resolve("bin").resolve("java");
  }

  /** The feature version a Java home declares in its {@code release} file. */
  static Optional<Integer> majorOf(Path home) {
    try {
      Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
