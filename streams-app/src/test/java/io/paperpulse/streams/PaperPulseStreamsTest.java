package io.paperpulse.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.common.config.PaperPulseConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PaperPulseStreamsTest {
  private static final PaperPulseStreams.Settings SETTINGS = new PaperPulseStreams.Settings("paperpulse", Path.of("state"), "127.0.0.1", 8080, 2);

  @Test
  void theAppsProducersCompressWithLz4UnlessTheConfigSaysOtherwise() {
    Properties defaults = PaperPulseStreams.streamsProperties(PaperPulseConfig.defaults(), SETTINGS);
    Properties zstd = PaperPulseStreams.streamsProperties(
        new PaperPulseConfig("localhost:9092", "http://localhost:8081", 3, Map.of("compression.type", "zstd")), SETTINGS);

    assertThat(defaults).containsEntry("compression.type", "lz4");
    assertThat(zstd).containsEntry("compression.type", "zstd");
  }
}
