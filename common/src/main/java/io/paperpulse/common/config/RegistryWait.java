package io.paperpulse.common.config;

import io.paperpulse.common.util.Backoff;
import io.paperpulse.common.util.Causes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Waits for the schema registry before anything is serialized, so a registry that is still
 * starting (or briefly down) delays a run instead of failing each record. Polls with exponential
 * backoff, saying on each miss what failed and when it tries again.
 */
public final class RegistryWait {
  /** The default limit, overridden by {@code PAPERPULSE_REGISTRY_WAIT} (seconds). */
  public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(5);

  static final Backoff BACKOFF = Backoff.DEFAULT;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RegistryWait() {}

  /** The wait limit from {@code PAPERPULSE_REGISTRY_WAIT} (whole seconds), else the default. */
  public static Duration limit(java.util.Map<String, String> env) {
    String value = env.get("PAPERPULSE_REGISTRY_WAIT");
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PAPERPULSE_REGISTRY_WAIT must be a number of seconds, not '" + value + "'");
    }
  }

  /**
   * Returns once the registry answers, or throws after {@code limit}.
   *
   * @param log told about each miss and the next delay
   * @throws IllegalStateException when the registry did not answer within {@code limit}
   */
  public static void await(PaperPulseConfig config, Duration limit, Consumer<String> log) throws InterruptedException {
    URI probe = URI.create(config.registryApiUrl() + "/system/info");
    long end = System.nanoTime() + limit.toNanos();
    int misses = 0;
    while (true) {
      String problem = problem(probe);
      if (problem == null) {
        return;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("the schema registry at " + config.registryUrl() + " did not answer within "
            + limit.toSeconds() + " s (" + problem + "); start it, or check PAPERPULSE_REGISTRY_URL");
      }
      Duration next = Duration.ofNanos(Math.min(BACKOFF.delayAfter(++misses).toNanos(), left));
      log.accept("schema registry at " + config.registryUrl() + " is not reachable (" + problem + "); retrying in "
          + String.format(java.util.Locale.ROOT, "%.1f", next.toMillis() / 1000.0) + " s");
      Thread.sleep(next.toMillis());
    }
  }

  /** Null when the registry answers 200, else what went wrong. */
  private static String problem(URI probe) throws InterruptedException {
    try {
      HttpResponse<Void> response = HTTP.send(
          HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200 ? null : "HTTP " + response.statusCode() + " from " + probe;
    } catch (IOException e) {
      return Causes.describe(e);
    }
  }
}
