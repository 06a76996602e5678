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

  @Test
  void aBrokerThatFailedShowsItsErrorsAndTheExceptionsBehindThem(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("server.log");
    Files.write(log, List.of(
        "[t1] INFO KafkaConfig values: (kafka.server.KafkaConfig)",
        "[t2] ERROR [KafkaRaftServer nodeId=1] Fatal error during startup. Prepare to shutdown (kafka.server.KafkaRaftServer)",
        "org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:24061: Address already in use.",
        "\tat kafka.network.Acceptor.openServerSocket(SocketServer.scala:734)",
        "Caused by: java.net.BindException: Address already in use",
        "\tat java.base/sun.nio.ch.Net.bind0(Native Method)",
        "[t3] INFO shutting down (kafka.server.BrokerServer)"));

    assertThat(KafkaBroker.errors(log, 15))
        .isEqualTo(
            "[t2] ERROR [KafkaRaftServer nodeId=1] Fatal error during startup. Prepare to shutdown (kafka.server.KafkaRaftServer)\n"
                + "org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:24061: Address already in use.\n"
                + "Caused by: java.net.BindException: Address already in use");
  }
}
