package io.paperpulse.cli;

import io.paperpulse.common.config.PaperPulseConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where Kafka and the registry are: flags over environment over config file over defaults. */
final class ConnectionOptions {
  @Option(
      names = {"-b", "--bootstrap-servers"},
      description = "Kafka bootstrap servers (env PAPERPULSE_BOOTSTRAP_SERVERS; default localhost:9092).")
  String bootstrapServers;

  @Option(
      names = {"-r", "--registry-url"},
      description = "Schema registry base URL (env PAPERPULSE_REGISTRY_URL; default http://localhost:8081).")
  String registryUrl;

  @Option(
      names = "--config",
      description = "Properties file with bootstrap.servers, registry.url and kafka.* (env PAPERPULSE_CONFIG).")
  Path configFile;

  PaperPulseConfig load() throws IOException {
    return PaperPulseConfig.load(configFile, System.getenv())
        .withBootstrapServers(bootstrapServers)
        .withRegistryUrl(registryUrl);
  }
}
