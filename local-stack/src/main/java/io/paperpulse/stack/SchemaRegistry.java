package io.paperpulse.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Apicurio Registry server, unpacked from Maven Central's {@code apicurio-registry-app}
 * archive, run in a child JVM (it needs Java 21+) with file-backed H2 storage so schemas and their
 * ids survive a restart. It serves Confluent's API at {@code /apis/ccompat/v7}.
 */
public final class SchemaRegistry implements AutoCloseable {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  /** Where the build unpacks the registry; {@code -Dpaperpulse.registry.dist} overrides it. */
  public static final String DIST_PROPERTY = "paperpulse.registry.dist";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ChildProcess process;
  private final String url;

  private SchemaRegistry(ChildProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts the registry on 127.0.0.1 and returns once its readiness check passes and the global
   * compatibility rule is BACKWARD.
   */
  public static SchemaRegistry start(
      Path dir, Path dist, int port, int managementPort, Map<String, String> env)
      throws IOException, InterruptedException {
    Path runner = dist.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(runner)) {
      throw new LocalStackException(
          "the Apicurio Registry distribution is not at " + dist + " (no quarkus-run.jar): build "
              + "it with './mvnw -pl local-stack package', or point -D" + DIST_PROPERTY + " at it");
    }
    Path java = JavaRuntimes.find(21, env);
    Ports.requireFree(port, "schema registry", "--registry-port or PAPERPULSE_REGISTRY_PORT");
    Ports.requireFree(
        managementPort, "schema registry management", "--registry-management-port or PAPERPULSE_REGISTRY_MANAGEMENT_PORT");
    Files.createDirectories(dir);
    List<String> command =
        List.of(
            java.toString(),
            "-Xms64m",
            "-Xmx512m",
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.management.host=127.0.0.1",
            "-Dquarkus.management.port=" + managementPort,
            "-Dquarkus.log.level=WARN",
            "-Dquarkus.log.category.\"io.quarkus\".level=INFO",
            "-Dapicurio.datasource.url=jdbc:h2:file:" + dir.resolve("h2").resolve("registry"),
            "-Dapicurio.datasource.jdbc.initial-size=2",
            "-Dapicurio.datasource.jdbc.min-size=2",
            "-Dapicurio.datasource.jdbc.max-size=20",
            "-Dapicurio.storage.snapshot.location=" + dir,
            "-jar",
            runner.toString());
    ChildProcess registry = ChildProcess.start("schema registry", command, dir, dir.resolve("registry.log"));
    SchemaRegistry started = new SchemaRegistry(registry, "http://127.0.0.1:" + port);
    String health = "http://127.0.0.1:" + managementPort + "/health/ready";
    boolean ready = Deadline.await(READY_TIMEOUT, () -> get(health) == 200, () -> !registry.alive());
    if (!ready) {
      LocalStackException error = registry.notReady(READY_TIMEOUT);
      started.close();
      throw error;
    }
    started.requireBackwardCompatibility();
    return started;
  }

  /** The base URL; Confluent clients use {@code url() + "/apis/ccompat/v7"}. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    process.close();
  }

  /** Sets the registry-wide compatibility rule, through the Confluent-compatible API. */
  private void requireBackwardCompatibility() throws IOException, InterruptedException {
    HttpRequest put =
        HttpRequest.newBuilder(URI.create(url + "/apis/ccompat/v7/config"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
            .build();
    HttpResponse<String> response = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new LocalStackException(
          "the registry refused the BACKWARD compatibility rule: HTTP " + response.statusCode()
              + " " + response.body());
    }
  }

  private static int get(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
