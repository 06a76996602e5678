package io.paperpulse.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.common.config.PaperPulseConfig;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSetupTest {
  @Test
  void aBrokerThatDoesNotAnswerIsNamedWithWhereItsAddressIsSet() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PaperPulseConfig config = PaperPulseConfig.load(null, Map.of(
        "PAPERPULSE_BOOTSTRAP_SERVERS", "127.0.0.1:" + port,
        "KAFKA_REQUEST_TIMEOUT_MS", "1000",
        "KAFKA_DEFAULT_API_TIMEOUT_MS", "2000"));

    assertThatThrownBy(() -> TopicSetup.ensure(config, List.of(Topics.PAPERS)))
        .isInstanceOf(TopicSetup.KafkaNotAnswering.class)
        .hasMessageStartingWith("Kafka at 127.0.0.1:" + port + " did not answer within ")
        .hasMessageContaining("--bootstrap-servers or PAPERPULSE_BOOTSTRAP_SERVERS");
  }
}
