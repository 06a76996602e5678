package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.common.config.PaperPulseConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code up} takes from its environment and tells its user, without starting a stack. */
class UpCommandTest {
  @Test
  void upTakesTheKafkaClientSettingsOfTheEnvironmentButNotItsSecurity() throws Exception {
    PaperPulseConfig config = UpCommand.localConfig(
        Map.of("KAFKA_COMMIT_INTERVAL_MS", "1000", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "PLAIN",
            "PAPERPULSE_BOOTSTRAP_SERVERS", "remote:9093", "PAPERPULSE_PARTITIONS", "6"),
        "127.0.0.1:9092", "http://127.0.0.1:8081");

    assertThat(config.kafka()).containsExactly(Map.entry("commit.interval.ms", "1000"));
    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.partitions()).isEqualTo(6);
  }

  @Test
  void upTellsHowToPublishToItsOwnPorts() {
    assertThat(UpCommand.publishCommand("127.0.0.1:9092", "http://127.0.0.1:8081")).isEqualTo("./paperpulse publish FILE|DIR");
    assertThat(UpCommand.publishCommand("127.0.0.1:19092", "http://127.0.0.1:18081"))
        .isEqualTo("./paperpulse publish -b 127.0.0.1:19092 -r http://127.0.0.1:18081 FILE|DIR");
  }
}
