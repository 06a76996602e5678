package io.paperpulse.it;

import io.paperpulse.stack.Deadline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./paperpulse ARGS} run as a user runs it, in a process of its own, with everything it prints
 * kept. The script execs the JVM, so signals reach Java directly.
 */
final class AppProcess implements AutoCloseable {
  static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));

  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private AppProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "paperpulse-output");
    reader.setDaemon(true);
    reader.start();
  }

  static AppProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(REPO.resolve("paperpulse").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("PAPERPULSE_SKIP_BUILD", "1");
    return new AppProcess(builder.start());
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.add(line);
      }
    } catch (IOException ignored) {
      // The process ended; what it printed is in output.
    }
  }

  Process process() {
    return process;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Everything printed so far, one line an element. */
  String output() {
    return String.join("\n", output);
  }

  /** Waits until a printed line contains {@code text}; false on timeout or exit. */
  boolean awaitLine(String text, Duration timeout) throws InterruptedException {
    return Deadline.await(timeout, () -> output.stream().anyMatch(l -> l.contains(text)), () -> !process.isAlive());
  }

  /** Waits for the exit and the last of the output; the exit code, or -1 if still running. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    reader.join(10_000);
    return process.exitValue();
  }

  /** kill -9: no shutdown hook, no last commit. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as a service manager stops it; the exit code. */
  int stop() throws InterruptedException {
    process.toHandle().destroy();
    int code = awaitExit(Duration.ofSeconds(60));
    if (code == -1) {
      kill();
    }
    return code;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
