package io.paperpulse.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where PaperPulse finds Kafka and the schema registry, and any other Kafka client settings.
 *
 * <p>Read in layers, each overriding the one before: defaults, then an optional properties file
 * ({@code PAPERPULSE_CONFIG} or {@code --config}), then the environment ({@code PAPERPULSE_*} for
 * PaperPulse, {@code KAFKA_*} passed to every Kafka client, {@code KAFKA_SASL_JAAS_CONFIG} becoming
 * {@code sasl.jaas.config}), then command-line flags.
 *
 * @param bootstrapServers Kafka's bootstrap servers
 * @param registryUrl the schema registry's base URL, without an API path
 * @param kafka extra Kafka client properties, such as security settings
 */
public record PaperPulseConfig(String bootstrapServers, String registryUrl, int partitions, Map<String, String> kafka) {
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";
  /** Partitions of each topic PaperPulse creates: the most stream threads, over all instances, that share its work. */
  public static final int DEFAULT_PARTITIONS = 3;

  /** Variables Kafka's own shell scripts read; they are not client properties. */
  private static final java.util.Set<String> KAFKA_SCRIPT_VARIABLES =
      java.util.Set.of("KAFKA_", "KAFKA_HOME", "KAFKA_DEBUG", "KAFKA_CLUSTER_ID", "KAFKA_MODE");

  public PaperPulseConfig {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must not be empty");
    }
    registryUrl = baseUrl(registryUrl);
    if (partitions < 1 || partitions > 1000) {
      throw new IllegalArgumentException("partitions must be between 1 and 1000, not " + partitions);
    }
    kafka = Map.copyOf(new TreeMap<>(kafka));
  }

  public static PaperPulseConfig defaults() {
    return new PaperPulseConfig(DEFAULT_BOOTSTRAP_SERVERS, DEFAULT_REGISTRY_URL, DEFAULT_PARTITIONS, Map.of());
  }

  /**
   * Defaults, then the file (if any), then the environment.
   *
   * @param file a properties file with keys {@code bootstrap.servers}, {@code registry.url},
   *     {@code partitions} and {@code kafka.*}; null to take {@code PAPERPULSE_CONFIG} from the
   *     environment, if set
   */
  public static PaperPulseConfig load(Path file, Map<String, String> env) throws IOException {
    String bootstrap = DEFAULT_BOOTSTRAP_SERVERS;
    String registry = DEFAULT_REGISTRY_URL;
    String partitions = String.valueOf(DEFAULT_PARTITIONS);
    Map<String, String> kafka = new TreeMap<>();
    Path source = file != null ? file : pathOrNull(env.get("PAPERPULSE_CONFIG"));
    if (source != null) {
      Properties props = new Properties();
      try (Reader reader = Files.newBufferedReader(source)) {
        props.load(reader);
      }
      for (String key : props.stringPropertyNames()) {
        String value = props.getProperty(key).trim();
        switch (key) {
          case "bootstrap.servers" -> bootstrap = value;
          case "registry.url" -> registry = value;
          case "partitions" -> partitions = value;
          default -> {
            if (!key.startsWith("kafka.")) {
              throw new IllegalArgumentException(
                  source + ": unknown key '" + key + "' (expected bootstrap.servers, registry.url, partitions or kafka.*)");
            }
            kafka.put(key.substring("kafka.".length()), value);
          }
        }
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("KAFKA_") && !KAFKA_SCRIPT_VARIABLES.contains(name) && !name.endsWith("_OPTS")) {
        kafka.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue());
      }
    }
    bootstrap = env.getOrDefault("PAPERPULSE_BOOTSTRAP_SERVERS", bootstrap);
    registry = env.getOrDefault("PAPERPULSE_REGISTRY_URL", registry);
    return new PaperPulseConfig(bootstrap, registry, partitions(env.getOrDefault("PAPERPULSE_PARTITIONS", partitions)), kafka);
  }

  /** {@code PAPERPULSE_PARTITIONS} of {@code env}, else {@link #DEFAULT_PARTITIONS}. */
  public static int partitions(Map<String, String> env) {
    return partitions(env.getOrDefault("PAPERPULSE_PARTITIONS", String.valueOf(DEFAULT_PARTITIONS)));
  }

  private static int partitions(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("partitions must be a whole number, not '" + text + "'");
    }
  }

  public PaperPulseConfig withBootstrapServers(String servers) {
    return servers == null ? this : new PaperPulseConfig(servers, registryUrl, partitions, kafka);
  }

  public PaperPulseConfig withRegistryUrl(String url) {
    return url == null ? this : new PaperPulseConfig(bootstrapServers, url, partitions, kafka);
  }

  public PaperPulseConfig withPartitions(int count) {
    return new PaperPulseConfig(bootstrapServers, registryUrl, count, kafka);
  }

  /** The URL of Apicurio's own API, which Apicurio's serializers use. */
  public String registryApiUrl() {
    return registryUrl + "/apis/registry/v3";
  }

  /** The URL of the Confluent-compatible API, for Confluent clients. */
  public String confluentApiUrl() {
    return registryUrl + "/apis/ccompat/v7";
  }

  /** The settings as printable text, with every secret-looking value masked. */
  public String describe() {
    StringBuilder out =
        new StringBuilder("bootstrap.servers=" + bootstrapServers + ", registry.url=" + registryUrl + ", partitions=" + partitions);
    kafka.forEach((k, v) -> out.append(", ").append(k).append('=').append(isSecret(k) ? "[hidden]" : v));
    return out.toString();
  }

  /** Whether a client property holds a secret that must never be printed or logged. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
        || k.contains("key.pem") || k.contains("credentials");
  }

  private static String baseUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("registry URL must not be empty");
    }
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    for (String api : new String[] {"/apis/registry/v3", "/apis/registry/v2", "/apis/ccompat/v7"}) {
      if (u.endsWith(api)) {
        u = u.substring(0, u.length() - api.length());
      }
    }
    if (!u.startsWith("http://") && !u.startsWith("https://")) {
      throw new IllegalArgumentException("registry URL must start with http:// or https://: " + url);
    }
    return u;
  }

  private static Path pathOrNull(String s) {
    return s == null || s.isBlank() ? null : Path.of(s);
  }
}
