package io.paperpulse.cli;

/** A flag, else an environment variable, else a default. */
final class Env {
  private Env() {}

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
}
