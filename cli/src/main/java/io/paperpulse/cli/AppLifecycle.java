package io.paperpulse.cli;

import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.util.Causes;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.PaperPulseStreams;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * The streams app's life in {@code streams} and {@code up}: its settings (a flag, else the
 * environment, else the default), its start, and its stop. On SIGTERM or Ctrl-C, {@link #stop} closes
 * what was opened, newest first, each within a bounded time: a close that waits on a broker that is
 * itself stopping must not hold the exit. The app keeps its state; what it had not committed is
 * processed again on the next start.
 */
final class AppLifecycle {
  static final String DEFAULT_APPLICATION_ID = "paperpulse";
  static final String DEFAULT_HTTP_HOST = "localhost";
  static final int DEFAULT_HTTP_PORT = 8080;
  static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  /** Long enough for Kafka Streams to commit and close its clients against a broker that answers. */
  static final Duration APP_CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** Something to close on stop, within {@code timeout}, and no longer once {@code futile} holds. */
  private record Closing(String name, AutoCloseable resource, Duration timeout, BooleanSupplier futile) {}

  private final String what;
  private final PrintStream out;
  private final Deque<Closing> open = new ConcurrentLinkedDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  AppLifecycle(String what, PrintStream out) {
    this.what = what;
    this.out = out;
  }

  /** A lifecycle that stops on SIGTERM, Ctrl-C, or the end of the program. */
  static AppLifecycle onShutdown(String what, PrintStream out) {
    AppLifecycle lifecycle = new AppLifecycle(what, out);
    Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stop, "paperpulse-shutdown"));
    return lifecycle;
  }

  /** The app's settings: each flag given, else its environment variable, else the default. */
  static PaperPulseStreams.Settings settings(
      String applicationId, Path stateDir, String httpHost, Integer httpPort, Integer threads) {
    Path defaultStateDir = Env.repo().resolve(".paperpulse/streams");
    return new PaperPulseStreams.Settings(
        Env.text(applicationId, "PAPERPULSE_APPLICATION_ID", DEFAULT_APPLICATION_ID),
        stateDir != null ? stateDir : Path.of(Env.text(null, "PAPERPULSE_STATE_DIR", defaultStateDir.toString())),
        Env.text(httpHost, "PAPERPULSE_HTTP_HOST", DEFAULT_HTTP_HOST),
        Env.port(httpPort, "PAPERPULSE_HTTP_PORT", DEFAULT_HTTP_PORT),
        Env.threads(threads));
  }

  /**
   * Starts the app, to be closed on stop, and waits until it is RUNNING.
   *
   * @param futile when it holds, closing the app cleanly can no longer succeed (its broker is gone)
   * @throws IllegalStateException when the app does not reach RUNNING
   */
  PaperPulseStreams startApp(PaperPulseConfig config, PaperPulseStreams.Settings settings, BooleanSupplier futile)
      throws Exception {
    PaperPulseStreams app = PaperPulseStreams.start(config, settings, AnalyticsSettings.defaults());
    closeOnStop("the streams app", app, APP_CLOSE_TIMEOUT, futile);
    if (!app.awaitRunning(START_TIMEOUT)) {
      throw new IllegalStateException("the streams app did not reach RUNNING; state " + app.streams().state());
    }
    return app;
  }

  /** Closes {@code resource} on stop, before anything registered earlier; returns it. */
  <T extends AutoCloseable> T closeOnStop(String name, T resource, Duration timeout, BooleanSupplier futile) {
    open.push(new Closing(name, resource, timeout, futile));
    return resource;
  }

  /** Waits until {@link #stop} has run. */
  void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Closes everything registered, newest first, each within its bound. */
  void stop() {
    out.println("Stopping " + what + " ...");
    for (Closing closing = open.poll(); closing != null; closing = open.poll()) {
      close(closing);
    }
    out.println("Stopped.");
    out.flush();
    stopped.countDown();
  }

  private void close(Closing closing) {
    Thread closer = new Thread(() -> {
      try {
        closing.resource().close();
      } catch (Exception e) {
        out.println("  could not stop " + closing.name() + ": " + Causes.message(e));
      }
    }, "paperpulse-stop");
    closer.setDaemon(true); // left behind when it overruns: the exit does not wait for it
    closer.start();
    try {
      long end = System.nanoTime() + closing.timeout().toNanos();
      while (closer.isAlive() && !closing.futile().getAsBoolean() && System.nanoTime() < end) {
        closer.join(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive() && !closing.futile().getAsBoolean()) {
      out.println("  " + closing.name() + " did not stop within " + closing.timeout().toSeconds() + " s; leaving it");
    }
  }
}
