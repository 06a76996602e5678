package io.paperpulse.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one process), run from the {@code
 * kafka_2.13} jar on our class path in a child JVM. Its storage is formatted once; later starts on
 * the same directory keep every topic.
 */
public final class KafkaBroker implements AutoCloseable {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  /** A line of a stack trace that names the exception: "java.net.BindException: ...". */
  private static final Pattern EXCEPTION_LINE = Pattern.compile("[\\w.$]+(Exception|Error)\\b");

  private final ChildProcess process;
  private final String bootstrapServers;
  private final Path log;

  private KafkaBroker(ChildProcess process, String bootstrapServers, Path log) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.log = log;
  }

  /** Starts the broker on 127.0.0.1 and returns once it answers a metadata request. */
  public static KafkaBroker start(Path dir, int port, int controllerPort, List<String> extraConfig)
      throws IOException, InterruptedException {
    Ports.requireFree(port, "Kafka broker", "--kafka-port or PAPERPULSE_KAFKA_PORT");
    Ports.requireFree(controllerPort, "Kafka controller", "--controller-port or PAPERPULSE_CONTROLLER_PORT");
    Files.createDirectories(dir);
    Path config = dir.resolve("server.properties");
    Files.writeString(config, serverProperties(dir, port, controllerPort, extraConfig));
    Path log4j = dir.resolve("log4j2.properties");
    Files.writeString(log4j, log4jConfig(dir.resolve("server.log")));
    Path logDir = dir.resolve("data");
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(dir, config, log4j);
    }
    ChildProcess broker =
        ChildProcess.start(
            "Kafka broker",
            javaCommand(log4j, "kafka.Kafka", config.toString()),
            dir,
            dir.resolve("console.log"));
    String bootstrap = "127.0.0.1:" + port;
    KafkaBroker started = new KafkaBroker(broker, bootstrap, dir.resolve("server.log"));
    boolean ready = Deadline.await(READY_TIMEOUT, () -> answers(bootstrap), () -> !broker.alive());
    if (!ready) {
      LocalStackException error =
          broker.notReady(
              READY_TIMEOUT, "\nand its errors in " + started.log + ":\n" + errors(started.log, 15));
      started.close();
      throw error;
    }
    return started;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Whether the broker's process is still running (false once it exited, however it stopped). */
  public boolean running() {
    return process.alive();
  }

  /**
   * The last {@code lines} warnings and errors of the broker's log, with the exceptions they print,
   * for a failed test to show.
   */
  public String warnings(int lines) {
    return ChildProcess.tail(log, lines, line -> line.contains("] WARN ") || isError(line));
  }

  /** The last errors of the broker's log, with the exceptions (and their causes) they print. */
  static String errors(Path log, int lines) {
    return ChildProcess.tail(log, lines, KafkaBroker::isError);
  }

  /** An error line of the log, or a line of the exception it prints. */
  private static boolean isError(String line) {
    return line.contains("] ERROR ")
        || line.contains("] FATAL ")
        || line.startsWith("Caused by: ")
        || EXCEPTION_LINE.matcher(line).lookingAt();
  }

  /** Kills the broker with SIGKILL, for fault tests: the next start recovers its logs. */
  public void kill() throws InterruptedException {
    process.kill();
  }

  @Override
  public void close() {
    process.close();
  }

  private static void format(Path dir, Path config, Path log4j) throws IOException, InterruptedException {
    List<String> command =
        javaCommand(
            log4j,
            "kafka.tools.StorageTool",
            "format",
            "--standalone",
            "--ignore-formatted",
            "-t",
            Uuid.randomUuid().toString(),
            "-c",
            config.toString());
    Path log = dir.resolve("format.log");
    Process format =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!format.waitFor(2, TimeUnit.MINUTES)) {
      format.destroyForcibly();
      throw new LocalStackException("formatting the Kafka storage in " + dir + " took over 2 minutes");
    }
    if (format.exitValue() != 0) {
      throw new LocalStackException(
          "formatting the Kafka storage in " + dir + " failed:\n" + ChildProcess.tail(log, 20));
    }
  }

  private static List<String> javaCommand(Path log4j, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms128m", "-Xmx768m", "-XX:+UseG1GC", "-Djava.awt.headless=true"));
    command.add("-Dlog4j2.configurationFile=" + log4j);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  static String serverProperties(Path dir, int port, int controllerPort, List<String> extra) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "# Written by PaperPulse's local stack at every start; edits are lost.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1"));
    lines.addAll(extra);
    return String.join("\n", lines) + "\n";
  }

  private static String log4jConfig(Path logFile) {
    return String.join(
            "\n",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = file",
            "appender.file.fileName = " + logFile,
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.file.ref = file",
            "logger.kafka.name = kafka",
            "logger.kafka.level = info",
            "logger.org.name = org.apache.kafka",
            "logger.org.level = info")
        + "\n";
  }

  private static boolean answers(String bootstrap) {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    try (Admin admin = Admin.create(props)) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
