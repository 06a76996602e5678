package io.paperpulse.cli;

import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.config.RegistryWait;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.Progress;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.producer.publish.PublishSummary;
import io.paperpulse.common.TopicSetup;
import java.io.PrintStream;
import java.util.List;

/** What {@code publish}, {@code replay} and {@code up} share: set up, run a job, report, exit code. */
final class Publishing {
  interface Job {
    PublishSummary run(PublishJob job) throws Exception;
  }

  private Publishing() {}

  static int run(PaperPulseConfig config, ParseOptions options, String clientId, Job body, boolean showProgress)
      throws Exception {
    return run(config, options, clientId, body, showProgress, null);
  }

  /** As above; with {@code metricsPort} set, serves the run's progress on {@code /metrics} there. */
  static int run(PaperPulseConfig config, ParseOptions options, String clientId, Job body, boolean showProgress, Integer metricsPort)
      throws Exception {
    PrintStream err = System.err;
    TopicSetup.ensure(config, List.of(Topics.PAPERS));
    RegistryWait.await(config, RegistryWait.limit(System.getenv()), message -> err.println("paperpulse: " + message));
    Progress progress =
        showProgress ? new Progress(err, System.console() != null) : Progress.none();
    PublishSummary summary;
    try (PaperPublisher publisher = PaperPublisher.create(config, Topics.PAPERS.name(), clientId);
        ProducerMetrics metrics = metricsPort == null ? null : new ProducerMetrics(metricsPort, clientId)) {
      PublishJob job = new PublishJob(new FeedReader(options), publisher, err, progress);
      if (metrics != null) {
        metrics.watch(job);
      }
      summary = body.run(job);
    }
    err.println(summary);
    return exitCode(summary);
  }

  static int exitCode(PublishSummary summary) {
    if (summary.failed() > 0) {
      return Main.DELIVERY_FAILED;
    }
    return summary.rejected() > 0 ? Main.REJECTED : Main.OK;
  }
}
