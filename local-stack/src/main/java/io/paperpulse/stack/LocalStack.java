package io.paperpulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The embedded default: a Kafka broker and a schema registry on this machine, started together and
 * stopped together, with their data under one directory that survives restarts unless reset.
 */
public final class LocalStack implements AutoCloseable {
  /**
   * Where and how to run the stack.
   *
   * @param dataDir holds {@code kafka/} and {@code registry/}; kept across restarts
   * @param registryDist the unpacked Apicurio Registry distribution (holds quarkus-run.jar)
   * @param reset delete {@code dataDir} before starting
   */
  public record Settings(
      Path dataDir,
      int kafkaPort,
      int controllerPort,
      int registryPort,
      int registryManagementPort,
      Path registryDist,
      boolean reset,
      List<String> extraBrokerConfig) {
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final int DEFAULT_REGISTRY_MANAGEMENT_PORT = 9081;

    /** Default ports, with the data directory and registry distribution given. */
    public static Settings defaults(Path dataDir, Path registryDist) {
      return new Settings(
          dataDir,
          DEFAULT_KAFKA_PORT,
          DEFAULT_CONTROLLER_PORT,
          DEFAULT_REGISTRY_PORT,
          DEFAULT_REGISTRY_MANAGEMENT_PORT,
          registryDist,
          false,
          List.of());
    }

    /** Fresh free ports, for tests that run beside another stack. */
    public static Settings freePorts(Path dataDir, Path registryDist) {
      return new Settings(
          dataDir, Ports.free(), Ports.free(), Ports.free(), Ports.free(), registryDist, false, List.of());
    }
  }

  private final KafkaBroker broker;
  private final SchemaRegistry registry;

  private LocalStack(KafkaBroker broker, SchemaRegistry registry) {
    this.broker = broker;
    this.registry = registry;
  }

  /** Starts the broker and the registry side by side and returns when both are ready. */
  public static LocalStack start(Settings settings, Map<String, String> env) throws IOException {
    if (settings.reset()) {
      deleteTree(settings.dataDir());
    }
    Files.createDirectories(settings.dataDir());
    CompletableFuture<SchemaRegistry> registry =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SchemaRegistry.start(
                    settings.dataDir().resolve("registry"),
                    settings.registryDist(),
                    settings.registryPort(),
                    settings.registryManagementPort(),
                    env);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while starting the registry", e);
              }
            });
    KafkaBroker broker = null;
    try {
      broker =
          KafkaBroker.start(
              settings.dataDir().resolve("kafka"),
              settings.kafkaPort(),
              settings.controllerPort(),
              settings.extraBrokerConfig());
      return new LocalStack(broker, registry.join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll(broker, registry);
      throw new LocalStackException("interrupted while starting the broker", e);
    } catch (CompletionException e) {
      stopAll(broker, registry);
      throw e.getCause() instanceof RuntimeException r ? r : new LocalStackException(e.getMessage(), e);
    } catch (RuntimeException | IOException e) {
      stopAll(broker, registry);
      throw e;
    }
  }

  /** The registry location of a source checkout: {@code -Dpaperpulse.registry.dist}, else under the repo. */
  public static Path defaultRegistryDist(Path repo) {
    String property = System.getProperty(SchemaRegistry.DIST_PROPERTY);
    String env = System.getenv("PAPERPULSE_REGISTRY_DIST");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return repo.resolve("local-stack/target/apicurio-registry");
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** Whether the broker's process is still running: a Ctrl-C in a terminal stops it with this one. */
  public boolean brokerRunning() {
    return broker.running();
  }

  /** The broker's last {@code lines} warnings and errors, for a test that fails on the broker to show. */
  public String brokerWarnings(int lines) {
    return broker.warnings(lines);
  }

  /** The registry's base URL, e.g. {@code http://127.0.0.1:8081}. */
  public String registryUrl() {
    return registry.url();
  }

  @Override
  public void close() {
    stopAll(broker, CompletableFuture.completedFuture(registry));
  }

  private static void stopAll(KafkaBroker broker, CompletableFuture<SchemaRegistry> registry) {
    if (broker != null) {
      broker.close();
    }
    try {
      SchemaRegistry started = registry.join();
      if (started != null) {
        started.close();
      }
    } catch (CompletionException e) {
      // It never started, so there is nothing to stop.
    }
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
