package io.paperpulse.cli;

import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.config.RegistryWait;
import io.paperpulse.streams.PaperPulseStreams;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperpulse streams}: the streams app against any cluster, until SIGTERM or Ctrl-C. */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = {
      "Run the Kafka Streams app (enrichment, subject counts, keyword trends, spike alerts) and its HTTP API.",
      "To reprocess history from scratch, run it with a new --application-id: it starts from the earliest offsets with empty state."
    })
final class StreamsCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Option(names = "--application-id", description = "Kafka Streams application id (env PAPERPULSE_APPLICATION_ID; default paperpulse).")
  String applicationId;

  @Option(names = "--http-port", description = "HTTP API port (env PAPERPULSE_HTTP_PORT; default 8080).")
  Integer httpPort;

  @Option(names = "--http-host", description = "Host other instances reach this one's API at (env PAPERPULSE_HTTP_HOST; default localhost).")
  String httpHost;

  @Option(names = "--state-dir", description = "Where local state lives (env PAPERPULSE_STATE_DIR; default .paperpulse/streams).")
  Path stateDir;

  @Option(names = "--threads", description = "Stream threads (env PAPERPULSE_THREADS; default one per core).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PaperPulseConfig config = connection.load();
    System.out.println("Connecting with " + config.describe());
    RegistryWait.await(config, RegistryWait.limit(System.getenv()), message -> System.err.println("paperpulse streams: " + message));
    AppLifecycle lifecycle = AppLifecycle.onShutdown("the streams app", System.out);
    PaperPulseStreams app =
        lifecycle.startApp(config, AppLifecycle.settings(applicationId, stateDir, httpHost, httpPort, threads), () -> false);
    System.out.println("Streams app running; HTTP API at http://localhost:" + app.httpPort() + "/api/");
    lifecycle.awaitStop();
    return Main.OK;
  }
}
