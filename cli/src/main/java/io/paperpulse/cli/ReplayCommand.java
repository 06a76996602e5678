package io.paperpulse.cli;

import io.paperpulse.producer.publish.PublishJob;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperpulse replay}: the backfill path, an archive published in event-time order. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Publish an archive of feeds in event-time order: as fast as possible, or time-scaled with --speed.",
      "Exit codes as for publish."
    })
final class ReplayCommand implements Callable<Integer> {
  @Mixin PublishInputs inputs;

  @Option(names = "--from", description = "First day to publish (YYYY-MM-DD, UTC, inclusive).")
  LocalDate from;

  @Option(names = "--to", description = "Last day to publish (YYYY-MM-DD, UTC, inclusive).")
  LocalDate to;

  @Option(
      names = "--speed",
      defaultValue = "0",
      description = "Seconds of event time per second of replay (86400 = a day a second); 0 = as fast as possible.")
  double speed;

  @Override
  public Integer call() throws Exception {
    if (speed < 0) {
      throw new IllegalArgumentException("--speed must be 0 or more, not " + speed);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    PublishJob.ReplayOptions options = new PublishJob.ReplayOptions(from, to, speed);
    return inputs.publish("paperpulse-replay", (job, files) -> job.replay(files, options));
  }
}
