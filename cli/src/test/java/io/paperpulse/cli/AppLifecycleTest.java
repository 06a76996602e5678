package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperpulse.streams.PaperPulseStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppLifecycleTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final AppLifecycle lifecycle = new AppLifecycle("the test", new PrintStream(printed, true, StandardCharsets.UTF_8));
  private final List<String> closed = new CopyOnWriteArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void releaseHungCloses() {
    never.countDown();
  }

  private AutoCloseable named(String name) {
    return () -> closed.add(name);
  }

  private AutoCloseable hung() {
    return never::await;
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void stopClosesTheNewestFirstAndLetsAWaiterGo() throws Exception {
    lifecycle.closeOnStop("stack", named("stack"), Duration.ofSeconds(5), () -> false);
    lifecycle.closeOnStop("app", named("app"), Duration.ofSeconds(5), () -> false);
    lifecycle.closeOnStop("summary", named("summary"), Duration.ofSeconds(5), () -> false);

    lifecycle.stop();
    lifecycle.awaitStop();

    assertThat(closed).containsExactly("summary", "app", "stack");
    assertThat(printed()).isEqualTo(String.format("Stopping the test ...%nStopped.%n"));
  }

  @Test
  void aCloseThatHangsIsLeftAfterItsTimeoutAndTheRestStillClose() {
    lifecycle.closeOnStop("stack", named("stack"), Duration.ofSeconds(5), () -> false);
    lifecycle.closeOnStop("the streams app", hung(), Duration.ofSeconds(1), () -> false);

    long start = System.nanoTime();
    lifecycle.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(closed).containsExactly("stack");
    assertThat(printed()).contains("  the streams app did not stop within 1 s; leaving it");
  }

  @Test
  void aCloseThatCanNoLongerSucceedIsLeftAtOnceAndQuietly() {
    lifecycle.closeOnStop("the streams app", hung(), Duration.ofMinutes(5), () -> true);

    long start = System.nanoTime();
    lifecycle.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(printed()).isEqualTo(String.format("Stopping the test ...%nStopped.%n"));
  }

  @Test
  void aFailedCloseIsReportedInOneLineAndTheRestStillClose() {
    lifecycle.closeOnStop("stack", named("stack"), Duration.ofSeconds(5), () -> false);
    lifecycle.closeOnStop("the summary", () -> {
      throw new IOException(null, new ConnectException());
    }, Duration.ofSeconds(5), () -> false);

    lifecycle.stop();

    assertThat(closed).containsExactly("stack");
    assertThat(printed()).contains("  could not stop the summary: IOException (ConnectException)");
    assertThat(printed()).doesNotContain("null", "\tat ");
  }

  @Test
  void flagsGoIntoTheAppsSettings() {
    PaperPulseStreams.Settings settings = AppLifecycle.settings("app-1", Path.of("state"), "host-1", 9999, 3);

    assertThat(settings).isEqualTo(new PaperPulseStreams.Settings("app-1", Path.of("state"), "host-1", 9999, 3));
  }

  @Test
  void withoutFlagsOrEnvironmentTheDefaultsApply() {
    for (String variable : List.of("PAPERPULSE_APPLICATION_ID", "PAPERPULSE_STATE_DIR", "PAPERPULSE_HTTP_HOST", "PAPERPULSE_HTTP_PORT", "PAPERPULSE_THREADS")) {
      assumeTrue(System.getenv(variable) == null, () -> variable + " is set in this environment");
    }

    PaperPulseStreams.Settings settings = AppLifecycle.settings(null, null, null, null, null);

    assertThat(settings.applicationId()).isEqualTo("paperpulse");
    assertThat(settings.stateDir()).isEqualTo(Env.repo().resolve(".paperpulse/streams"));
    assertThat(settings.httpHost()).isEqualTo("localhost");
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }
}
