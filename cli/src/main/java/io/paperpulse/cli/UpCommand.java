package io.paperpulse.cli;

import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PublishSummary;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.streams.PaperPulseStreams;
import io.paperpulse.streams.digests.MailerMetrics;
import java.time.Duration;
import java.time.LocalDate;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperpulse up}: the embedded default. Starts a local Kafka broker and schema registry and
 * the streams app, publishes the bundled sample feed, prints where everything is and a short live
 * summary, and runs until Ctrl-C.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local Kafka broker, schema registry and the streams app, publish a sample feed, and run until Ctrl-C.",
      "The broker runs in KRaft mode and the registry is Apicurio's; neither needs Docker.",
      "Data is kept for the next 'up' unless --reset."
    })
final class UpCommand implements Callable<Integer> {
  static final String SAMPLE = "samples/trending-papers-2025-03-21.txt";
  /** Written in the data directory once the sample is on the topic: a restart does not publish it again. */
  static final String SAMPLE_PUBLISHED = "samples/published";
  static final int SAMPLE_YEAR = 2025;
  /** Printed once everything is running; scripts and tests wait for it. */
  static final String READY_LINE = "PaperPulse is up.";
  /** The broker and registry get 30 s each to stop before they are killed; they normally take a few. */
  static final Duration STACK_CLOSE_TIMEOUT = Duration.ofMinutes(1);

  @Option(
      names = "--data-dir",
      description = "Where the broker and registry keep their data (env PAPERPULSE_DATA_DIR; default .paperpulse in the repository).")
  Path dataDir;

  @Option(names = "--reset", description = "Delete the data directory first: start from empty topics and schemas.")
  boolean reset;

  @Option(names = "--no-sample", description = "Do not publish the bundled sample feed.")
  boolean noSample;

  @Option(names = "--kafka-port", description = "Kafka broker port (env PAPERPULSE_KAFKA_PORT; default 9092).")
  Integer kafkaPort;

  @Option(names = "--controller-port", description = "KRaft controller port (env PAPERPULSE_CONTROLLER_PORT; default 9093).")
  Integer controllerPort;

  @Option(names = "--registry-port", description = "Schema registry HTTP port (env PAPERPULSE_REGISTRY_PORT; default 8081).")
  Integer registryPort;

  @Option(
      names = "--registry-management-port",
      description = "Schema registry health/metrics port (env PAPERPULSE_REGISTRY_MANAGEMENT_PORT; default 9081).")
  Integer registryManagementPort;

  @Option(names = "--http-port", description = "The streams app's HTTP API port (env PAPERPULSE_HTTP_PORT; default 8080).")
  Integer httpPort;

  @Mixin DigestOptions digestOptions;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    AppLifecycle lifecycle = AppLifecycle.onShutdown("PaperPulse", out);
    // Closed last: a broker or registry still starting when the stop came is not left running.
    lifecycle.closeOnStop("the stack's processes", UpCommand::stopChildProcesses, Duration.ofSeconds(1), () -> false);
    LocalStack.Settings settings = settings();
    out.println("Starting the local stack in " + settings.dataDir() + " ...");
    LocalStack stack = lifecycle.closeOnStop("the local stack", LocalStack.start(settings, System.getenv()), STACK_CLOSE_TIMEOUT, () -> false);
    PaperPulseConfig config = localConfig(System.getenv(), stack.bootstrapServers(), stack.registryUrl());
    out.println("Starting the streams app ...");
    // A Ctrl-C in a terminal stops the broker too: once it is gone, the app's close waits for nothing.
    PaperPulseStreams app =
        lifecycle.startApp(
            config,
            AppLifecycle.settings(null, settings.dataDir().resolve("streams"), null, httpPort, null),
            () -> !stack.brokerRunning());
    DigestMailing.Started mailer = DigestMailing.start(config, System.getenv(), settings.dataDir(), digestOptions.sendDigestsFrom);
    lifecycle.closeOnStop("the digest mailer", mailer.process(), Duration.ofSeconds(35), () -> !stack.brokerRunning());
    MailerMetrics.bind(app.metrics().registry(), mailer.process().mailer());
    String published = "not published (--no-sample)";
    Path publishedBefore = settings.dataDir().resolve(SAMPLE_PUBLISHED);
    if (!noSample && Files.exists(publishedBefore)) {
      // Its papers are on the topic already: published again, they would only count as duplicates.
      published = "the bundled sample, published when this data directory was new";
    } else if (!noSample) {
      PublishSummary[] summary = new PublishSummary[1];
      Path sample = extractSample(settings.dataDir());
      int code =
          Publishing.run(
              config,
              ParseOptions.defaults().withYear(SAMPLE_YEAR),
              "paperpulse-up",
              job -> summary[0] = job.publish(List.of(sample)),
              false);
      if (code != Main.OK) {
        return code;
      }
      published = summary[0].published() + " papers from the bundled sample";
      Files.writeString(publishedBefore, summary[0].published() + "\n");
    }
    String api = "http://localhost:" + app.httpPort();
    String digests = mailer.where() + (mailer.firstDay().equals(LocalDate.MIN) ? "" : ", days from " + mailer.firstDay() + " on")
        + (System.getenv("PAPERPULSE_SMTP_HOST") == null ? " (set PAPERPULSE_SMTP_HOST to e-mail them)" : "");
    printWhereEverythingIs(out, stack, config, api, published, digests);
    lifecycle.closeOnStop("the live summary", LiveSummary.start(api, out, Duration.ofSeconds(30), app::backlog), Duration.ofSeconds(1), () -> false);
    lifecycle.awaitStop();
    return Main.OK;
  }

  private static void printWhereEverythingIs(
      PrintStream out, LocalStack stack, PaperPulseConfig config, String api, String published, String digests) {
    out.println();
    out.println(READY_LINE);
    out.println("  Kafka bootstrap servers   " + stack.bootstrapServers());
    out.println("  Schema registry (v3 API)  " + config.registryApiUrl());
    out.println("  Confluent-compatible API  " + config.confluentApiUrl());
    out.println("  Topic 'papers'            " + published);
    out.println("  Live page                 " + api + "/");
    out.println("  Prometheus metrics        " + api + "/metrics");
    out.println("  HTTP API                  " + api + "/api/papers/trending?window=P1D&limit=20");
    out.println("                            " + api + "/api/keywords/trending?window=P7D&limit=20");
    out.println("                            " + api + "/api/subjects?window=P7D");
    out.println("                            " + api + "/api/alerts?limit=50");
    out.println("                            " + api + "/api/watches/{keyword}  (GET, PUT, DELETE)");
    out.println("                            " + api + "/api/subscriptions/{email}  (GET, PUT, DELETE)");
    out.println("                            " + api + "/api/openapi.json  (every route)");
    out.println("  Daily digests go to       " + digests);
    out.println("Publish more with: " + publishCommand(stack.bootstrapServers(), config.registryUrl()) + "   Press Ctrl-C to stop.");
    out.flush();
  }

  /**
   * The settings of the app on the local stack: its addresses, the partitions of {@code
   * PAPERPULSE_PARTITIONS}, and the client settings of {@code KAFKA_*} (and of {@code
   * PAPERPULSE_CONFIG}'s {@code kafka.*}) such as {@code KAFKA_COMMIT_INTERVAL_MS}, less those of
   * security: the local broker speaks plain text.
   */
  static PaperPulseConfig localConfig(Map<String, String> env, String bootstrapServers, String registryUrl) throws IOException {
    Map<String, String> kafka = new TreeMap<>(PaperPulseConfig.load(null, env).kafka());
    kafka.keySet().removeIf(k -> k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl."));
    return new PaperPulseConfig(bootstrapServers, registryUrl, PaperPulseConfig.partitions(env), kafka);
  }

  /** The publish command that reaches this stack: with its addresses when they are not the defaults. */
  static String publishCommand(String bootstrapServers, String registryUrl) {
    boolean defaults = bootstrapServers.endsWith(":9092") && registryUrl.endsWith(":8081");
    return "./paperpulse publish " + (defaults ? "" : "-b " + bootstrapServers + " -r " + registryUrl + " ") + "FILE|DIR";
  }

  /** SIGTERM to the broker and registry, if they still run; each stops on its own. */
  private static void stopChildProcesses() {
    ProcessHandle.current().children().forEach(ProcessHandle::destroy);
  }

  private LocalStack.Settings settings() {
    LocalStack.Settings d = LocalStack.Settings.defaults(null, null);
    Path repo = Env.repo();
    Path dir = dataDir != null ? dataDir : envPath("PAPERPULSE_DATA_DIR", repo.resolve(".paperpulse"));
    return new LocalStack.Settings(
        dir.toAbsolutePath(),
        Env.port(kafkaPort, "PAPERPULSE_KAFKA_PORT", d.kafkaPort()),
        Env.port(controllerPort, "PAPERPULSE_CONTROLLER_PORT", d.controllerPort()),
        Env.port(registryPort, "PAPERPULSE_REGISTRY_PORT", d.registryPort()),
        Env.port(registryManagementPort, "PAPERPULSE_REGISTRY_MANAGEMENT_PORT", d.registryManagementPort()),
        LocalStack.defaultRegistryDist(repo),
        reset,
        List.of());
  }

  private static Path envPath(String name, Path fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }

  private static Path extractSample(Path dataDir) throws IOException {
    Path sample = dataDir.resolve(SAMPLE);
    Files.createDirectories(sample.getParent());
    try (InputStream in = UpCommand.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IOException("the bundled sample " + SAMPLE + " is missing from the jar");
      }
      Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
    }
    return sample;
  }
}
