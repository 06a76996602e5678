package io.paperpulse.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperPulseConfigTest {
  @Test
  void defaultsPointAtTheLocalStack() throws Exception {
    PaperPulseConfig config = PaperPulseConfig.load(null, Map.of());

    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.registryApiUrl()).isEqualTo("http://localhost:8081/apis/registry/v3");
    assertThat(config.confluentApiUrl()).isEqualTo("http://localhost:8081/apis/ccompat/v7");
    assertThat(config.kafka()).isEmpty();
  }

  @Test
  void fileThenEnvironmentThenFlagsEachOverrideTheLayerBelow(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pp.properties");
    Files.writeString(
        file,
        "bootstrap.servers=file:9092\nregistry.url=http://file:8081/apis/ccompat/v7/\n"
            + "kafka.security.protocol=SSL\nkafka.client.rack=r1\n");
    Map<String, String> env =
        Map.of(
            "PAPERPULSE_CONFIG", file.toString(),
            "PAPERPULSE_BOOTSTRAP_SERVERS", "env:9092",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "PLAIN",
            "KAFKA_HEAP_OPTS", "-Xmx1g",
            "KAFKA_HOME", "/opt/kafka");

    PaperPulseConfig config = PaperPulseConfig.load(null, env).withRegistryUrl("http://flag:8081");

    assertThat(config.bootstrapServers()).isEqualTo("env:9092");
    assertThat(config.registryUrl()).isEqualTo("http://flag:8081");
    assertThat(config.kafka())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "client.rack", "r1"));
    assertThat(PaperPulseConfig.load(null, Map.of("PAPERPULSE_CONFIG", file.toString())).registryUrl())
        .isEqualTo("http://file:8081");
  }

  @Test
  void unknownKeysAndBadUrlsAreErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pp.properties");
    Files.writeString(file, "bootstrap.server=typo:9092\n");

    assertThatThrownBy(() -> PaperPulseConfig.load(file, Map.of()))
        .hasMessageContaining("unknown key 'bootstrap.server'");
    assertThatThrownBy(() -> PaperPulseConfig.defaults().withRegistryUrl("localhost:8081"))
        .hasMessageContaining("must start with http:// or https://");
  }

  @Test
  void partitionsComeFromTheFileThenTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pp.properties");
    Files.writeString(file, "partitions=6\n");

    assertThat(PaperPulseConfig.load(null, Map.of()).partitions()).isEqualTo(PaperPulseConfig.DEFAULT_PARTITIONS);
    assertThat(PaperPulseConfig.load(file, Map.of()).partitions()).isEqualTo(6);
    assertThat(PaperPulseConfig.load(file, Map.of("PAPERPULSE_PARTITIONS", "12")).partitions()).isEqualTo(12);
    assertThatThrownBy(() -> PaperPulseConfig.load(null, Map.of("PAPERPULSE_PARTITIONS", "six")))
        .hasMessageContaining("partitions must be a whole number, not 'six'");
    assertThatThrownBy(() -> PaperPulseConfig.load(null, Map.of("PAPERPULSE_PARTITIONS", "0")))
        .hasMessageContaining("partitions must be between 1 and 1000, not 0");
  }

  @Test
  void describeNeverShowsSecrets() throws Exception {
    PaperPulseConfig config =
        PaperPulseConfig.load(
            null,
            Map.of(
                "KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required username=\"u\" password=\"hunter2\";",
                "KAFKA_SSL_KEYSTORE_PASSWORD", "s3cret"));

    assertThat(config.describe()).doesNotContain("hunter2").doesNotContain("s3cret").contains("[hidden]");
    assertThat(config.kafka()).containsKey("sasl.jaas.config");
  }
}
