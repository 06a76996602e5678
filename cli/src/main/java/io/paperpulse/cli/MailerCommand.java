package io.paperpulse.cli;

import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.config.RegistryWait;
import io.paperpulse.streams.digests.MailerMetrics;
import io.paperpulse.streams.digests.MailerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperpulse mailer}: sends the digests of topic {@code digests}, until SIGTERM or Ctrl-C. */
@Command(
    name = "mailer",
    mixinStandardHelpOptions = true,
    description = {
      "Send the daily digests of topic 'digests': over SMTP when PAPERPULSE_SMTP_HOST is set, else to a file.",
      "Each subscriber gets one e-mail a day; a restart resumes where the last one stopped (docs/digests.md)."
    })
final class MailerCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Mixin DigestOptions digestOptions;

  @Option(names = "--data-dir", description = "Where the file of digests goes without SMTP (env PAPERPULSE_DATA_DIR; default .paperpulse).")
  Path dataDir;

  @Option(names = "--metrics-port", description = "Serve the mailer's counters as Prometheus metrics on this port (/metrics).")
  Integer metricsPort;

  @Override
  public Integer call() throws Exception {
    PaperPulseConfig config = connection.load();
    RegistryWait.await(config, RegistryWait.limit(System.getenv()), message -> System.err.println("paperpulse mailer: " + message));
    Path dir = dataDir != null ? dataDir : Path.of(Env.text(null, "PAPERPULSE_DATA_DIR", Env.repo().resolve(".paperpulse").toString()));
    AppLifecycle lifecycle = AppLifecycle.onShutdown("the digest mailer", System.out);
    DigestMailing.Started mailer = DigestMailing.start(config, System.getenv(), dir, digestOptions.sendDigestsFrom);
    lifecycle.closeOnStop("the digest mailer", mailer.process(), Duration.ofSeconds(35), () -> false);
    if (metricsPort != null) {
      MetricsEndpoint metrics = new MetricsEndpoint(metricsPort, "paperpulse-mailer", MailerProcess.GROUP_ID);
      MailerMetrics.bind(metrics.registry(), mailer.process().mailer());
      lifecycle.closeOnStop("the mailer's metrics", metrics, Duration.ofSeconds(1), () -> false);
    }
    System.out.println("Digest mailer running; digests go to " + mailer.where());
    lifecycle.awaitStop();
    return Main.OK;
  }
}
