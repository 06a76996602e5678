package io.paperpulse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
  @Mixin PublishInputs inputs;

  @Override
  public Integer call() throws Exception {
    return inputs.publish("paperpulse-publish", (job, files) -> job.publish(files));
  }
}
