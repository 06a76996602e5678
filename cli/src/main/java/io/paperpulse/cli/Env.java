package io.paperpulse.cli;

import java.nio.file.Path;

/** A flag, else an environment variable, else a default. */
final class Env {
  private Env() {}

  /** The repository the command runs from ({@code -Dpaperpulse.repo}, set by the script): defaults live under it. */
  static Path repo() {
    return Path.of(System.getProperty("paperpulse.repo", "."));
  }

  static String text(String flag, String variable, String fallback) {
    if (flag != null) {
      return flag;
    }
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  static int port(Integer flag, String variable, int fallback) {
    if (flag != null) {
      return flag;
    }
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
    }
  }

  /**
   * Stream threads: a flag, else {@code PAPERPULSE_THREADS}, else one per core, since each thread
   * runs its own share of the partitions.
   */
  static int threads(Integer flag) {
    String value = flag != null ? String.valueOf(flag) : System.getenv("PAPERPULSE_THREADS");
    if (value == null || value.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int threads = Integer.parseInt(value.trim());
      if (threads < 1) {
        throw new NumberFormatException();
      }
      return threads;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("stream threads must be a whole number of at least 1, not '" + value + "'");
    }
  }
}
