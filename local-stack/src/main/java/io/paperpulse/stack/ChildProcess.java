package io.paperpulse.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A server the local stack runs as a child process, with its output in a log file. */
final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Path workDir, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ChildProcess(name, process, log);
    } catch (IOException e) {
      throw new LocalStackException("could not start the " + name + ": " + e.getMessage(), e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The error to give when the server did not become ready: exit code and the end of its log. */
  LocalStackException notReady(Duration waited) {
    return notReady(waited, "");
  }

  /** As {@link #notReady(Duration)}, followed by {@code more} (what another log of the server says). */
  LocalStackException notReady(Duration waited, String more) {
    String state =
        process.isAlive()
            ? "is not ready after " + waited.toSeconds() + " s"
            : "exited with code " + process.exitValue();
    return new LocalStackException(
        "the " + name + " " + state + "; its log " + log + " ends with:\n" + tail(log, 25) + more);
  }

  /** SIGKILL, as a crash would stop it: no shutdown of its own. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Asks the server to stop (SIGTERM), and kills it if it has not stopped in time. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static String tail(Path file, int lines) {
    return tail(file, lines, line -> true);
  }

  /** The last {@code lines} lines of {@code file} that {@code keep} accepts. */
  static String tail(Path file, int lines, Predicate<String> keep) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(keep).toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
