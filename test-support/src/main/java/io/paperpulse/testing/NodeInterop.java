package io.paperpulse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code interop/node/consume.mjs}: kafkajs and Confluent's {@code @confluentinc/schemaregistry}
 * reading a topic through the registry's Confluent-compatible API. Installs the Node packages, from
 * the committed lock file, the first time.
 */
public final class NodeInterop {
  private NodeInterop() {}

  /**
   * The first {@code count} messages of {@code topic}, each as {@code {partition, offset, key,
   * timestamp, magic, schemaId, value}}.
   */
  public static List<JsonNode> consume(Path repo, String bootstrapServers, String confluentApiUrl, String topic, int count)
      throws IOException, InterruptedException {
    Path dir = repo.resolve("interop/node");
    if (!Files.isDirectory(dir.resolve("node_modules/@confluentinc/schemaregistry"))) {
      run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    }
    Path out = Files.createTempFile("interop", ".jsonl");
    Path err = Files.createTempFile("interop", ".err");
    Process node =
        new ProcessBuilder(
                "node", "consume.mjs", bootstrapServers, confluentApiUrl, topic,
                String.valueOf(count), "60000")
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!node.waitFor(120, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("consume.mjs did not finish in 120 s");
    }
    if (node.exitValue() != 0) {
      throw new AssertionError("consume.mjs exited with " + node.exitValue() + ":\n" + Files.readString(err));
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

  /** Runs a command with its output in a log file: the test JVM's own stdout belongs to the test runner. */
  private static void run(Path dir, List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("npm", ".log");
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " failed in " + dir + ":\n" + Files.readString(log));
    }
  }
}
