package io.paperpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @Test
  void aFilteredTailKeepsTheLastMatchingLinesInOrder(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("server.log");
    Files.write(log, List.of(
        "[t1] INFO started (kafka.Kafka)",
        "[t2] WARN first (kafka.server)",
        "[t3] ERROR second (kafka.server)",
        "[t4] INFO more (kafka.server)",
        "[t5] WARN third (kafka.server)"));

    assertThat(ChildProcess.tail(log, 2, line -> line.contains("] WARN ") || line.contains("] ERROR ")))
        .isEqualTo("[t3] ERROR second (kafka.server)\n[t5] WARN third (kafka.server)");
    assertThat(ChildProcess.tail(log, 1)).isEqualTo("[t5] WARN third (kafka.server)");
    assertThat(ChildProcess.tail(dir.resolve("absent.log"), 3)).startsWith("(no log: ");
  }
}
