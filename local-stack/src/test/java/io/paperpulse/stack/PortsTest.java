package io.paperpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void freePortsAreDistinctBindableAndBelowTheRangeOfOutgoingConnections() throws Exception {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = Ports.free();
      assertThat(port).isBetween(20_000, 32_767);
      assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void aTakenPortIsReportedByItsUse() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Ports.requireFree(socket.getLocalPort(), "Kafka broker", "--kafka-port"))
          .hasMessageContaining("port " + socket.getLocalPort() + " (Kafka broker) is already in use")
          .hasMessageContaining("--kafka-port");
    }
  }
}
