package io.paperpulse.cli;

import io.paperpulse.producer.feed.FeedReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperpulse publish}: every paper of the given feeds onto topic {@code papers}. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish the papers of feed files or directories to topic 'papers', as Avro in the Confluent wire format.",
      "Exit 0 when all was published, 1 when records were rejected, 2 on usage or I/O errors,"
          + " 3 when Kafka did not acknowledge some papers."
    })
final class PublishCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Feed files or directories.")
  List<Path> inputs;

  @Option(names = "--metrics-port", description = "Serve the run's progress as Prometheus metrics on this port (/metrics).")
  Integer metricsPort;

  @Mixin ConnectionOptions connection;
  @Mixin FeedOptions feed;

  @Override
  public Integer call() throws Exception {
    List<Path> files = FeedReader.expand(inputs);
    return Publishing.run(
        connection.load(), feed.toParseOptions(), "paperpulse-publish", job -> job.publish(files), true, metricsPort);
  }
}
