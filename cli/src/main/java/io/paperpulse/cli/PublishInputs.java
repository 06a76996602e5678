package io.paperpulse.cli;

import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.producer.publish.PublishSummary;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code publish} and {@code replay} share: the feeds, the cluster, how to read them, and the progress metrics. */
final class PublishInputs {
  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Feed files or directories.")
  List<Path> inputs;

  @Option(names = "--metrics-port", description = "Serve the run's progress as Prometheus metrics on this port (/metrics).")
  Integer metricsPort;

  @Mixin ConnectionOptions connection;
  @Mixin FeedOptions feed;

  /** What a run does with the files (directories expanded, in name order). */
  interface Run {
    PublishSummary on(PublishJob job, List<Path> files) throws Exception;
  }

  /** Publishes the inputs as {@code run} says, with progress; the exit code. */
  int publish(String clientId, Run run) throws Exception {
    List<Path> files = FeedReader.expand(inputs);
    return Publishing.run(connection.load(), feed.toParseOptions(), clientId, job -> run.on(job, files), true, metricsPort);
  }
}
