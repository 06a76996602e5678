package io.paperpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so docker-compose.yml is checked as a file: it parses, every image is
 * pinned, every mounted path exists, every variable the apps read is documented, and the ports are
 * the local stack's.
 */
class DockerComposeTest {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static JsonNode compose;

  @BeforeAll
  static void parse() throws IOException {
    compose = new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve("docker-compose.yml").toFile());
  }

  @Test
  void describesTheWholeStack() {
    assertThat(compose.path("services").fieldNames()).toIterable()
        .contains("kafka", "registry", "producer", "streams-1", "streams-2", "prometheus", "alertmanager", "grafana");
  }

  @Test
  void everyImageIsPinnedToAVersion() {
    compose.path("services").fields().forEachRemaining(service -> {
      String image = service.getValue().path("image").asText();
      assertThat(image).as("image of %s", service.getKey()).matches("[\\w./-]+:[\\w.-]+").doesNotEndWith(":latest");
    });
    assertThat(compose.at("/services/kafka/image").asText()).isEqualTo("apache/kafka:4.1.1");
    assertThat(compose.at("/services/registry/image").asText()).startsWith("apicurio/apicurio-registry:3.");
  }

  @Test
  void everyMountedPathExistsInTheRepository() {
    List<String> missing = new ArrayList<>();
    compose.path("services").fields().forEachRemaining(service -> {
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.asText().split(":")[0].replaceAll("\\$\\{[A-Z_]+:-([^}]+)}", "$1");
        if (source.startsWith("./") && !Files.exists(REPO.resolve(source))) {
          missing.add(service.getKey() + ": " + source);
        }
      }
    });
    assertThat(missing).isEmpty();
    assertThat(Files.exists(REPO.resolve("Dockerfile"))).isTrue();
  }

  @Test
  void thePortsAreTheLocalStacksPorts() {
    assertThat(compose.at("/services/kafka/ports/0").asText()).isEqualTo("9092:9092");
    assertThat(compose.at("/services/registry/ports/0").asText()).startsWith("8081:");
    assertThat(compose.at("/services/streams-1/ports/0").asText()).startsWith("8080:");
  }

  @Test
  void everyEnvironmentVariableTheAppsReadIsDocumented() throws IOException {
    Set<String> read = new TreeSet<>();
    Pattern variable = Pattern.compile("\"(PAPERPULSE_[A-Z_]+)\"");
    try (Stream<Path> files = Files.walk(REPO)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
        Matcher m = variable.matcher(Files.readString(file));
        while (m.find()) {
          read.add(m.group(1));
        }
      }
    }
    compose.path("services").fields().forEachRemaining(service ->
        service.getValue().path("environment").fieldNames().forEachRemaining(name -> {
          if (name.startsWith("PAPERPULSE_")) {
            read.add(name);
          }
        }));
    String readme = Files.readString(REPO.resolve("cli/README.md"));

    assertThat(read).contains("PAPERPULSE_BOOTSTRAP_SERVERS", "PAPERPULSE_REGISTRY_URL", "PAPERPULSE_HTTP_PORT");
    assertThat(read).allSatisfy(name -> assertThat(readme).as("cli/README.md (configuration) documents %s", name).contains(name));
  }
}
