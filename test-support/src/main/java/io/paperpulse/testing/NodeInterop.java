package io.paperpulse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code interop/node/consume.mjs}: kafkajs and Confluent's {@code @confluentinc/schemaregistry}
 * reading a topic through the registry's Confluent-compatible API. {@code .ci/setup} installs the
 * Node packages; when they are missing this installs them, from the committed lock file, and a
 * failure says which of the install and the run it was. The script ends itself within its own
 * deadline and says on stderr which step it reached, which a failure shows.
 */
public final class NodeInterop {
  /** The script's own deadline for the whole run, imports included. */
  static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
  /** A script that has not ended some time after its own deadline is stuck in Node itself. */
  static final Duration PROCESS_TIMEOUT = SCRIPT_TIMEOUT.plusSeconds(30);
  static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private NodeInterop() {}

  /**
   * The first {@code count} messages of {@code topic}, each as {@code {partition, offset, key,
   * timestamp, magic, schemaId, value}}.
   */
  public static List<JsonNode> consume(Path repo, String bootstrapServers, String confluentApiUrl, String topic, int count)
      throws IOException, InterruptedException {
    Path dir = repo.resolve("interop/node");
    if (!Files.isDirectory(dir.resolve("node_modules/@confluentinc/schemaregistry"))) {
      install(dir);
    }
    Path out = Files.createTempFile("interop", ".jsonl");
    Path err = Files.createTempFile("interop", ".err");
    Process node =
        new ProcessBuilder(
                "node", "consume.mjs", bootstrapServers, confluentApiUrl, topic,
                String.valueOf(count), String.valueOf(SCRIPT_TIMEOUT.toMillis()))
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!node.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("consume.mjs was still running " + PROCESS_TIMEOUT.toSeconds()
          + " s after it started, past its own deadline; its stderr:\n" + Files.readString(err));
    }
    if (node.exitValue() != 0) {
      throw new AssertionError("consume.mjs exited with " + node.exitValue() + "; its stderr:\n" + Files.readString(err));
    }
    Files.delete(err);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> messages = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      messages.add(json.readTree(line));
    }
    Files.delete(out);
    return messages;
  }

  /**
   * {@code npm ci}, with its output in a log file: the test JVM's own stdout belongs to the test
   * runner. The first install downloads a large tree (the registry client brings every cloud KMS SDK).
   */
  private static void install(Path dir) throws IOException, InterruptedException {
    Path log = Files.createTempFile("npm", ".log");
    List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund");
    Process npm =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    boolean finished = npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!finished || npm.exitValue() != 0) {
      npm.destroyForcibly();
      String outcome = finished ? "failed" : "did not finish in " + INSTALL_TIMEOUT.toSeconds() + " s";
      throw new AssertionError("installing the Node packages (" + String.join(" ", command) + " in " + dir + ") "
          + outcome + "; run .ci/setup first. Its output:\n" + Files.readString(log));
    }
  }
}
