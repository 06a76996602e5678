package io.paperpulse.cli;

import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.TopicSetup;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.digests.DigestSender;
import io.paperpulse.streams.digests.FileSender;
import io.paperpulse.streams.digests.MailerProcess;
import io.paperpulse.streams.digests.SmtpSender;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code up} sends digests: over SMTP when {@code PAPERPULSE_SMTP_HOST} is set, else to a
 * file in the data directory.
 */
final class DigestMailing {
  /** The file digests go to without an SMTP server, under the data directory. */
  static final String FILE = "digests.txt";

  private DigestMailing() {}

  /** A started mailer and where it sends. */
  record Started(MailerProcess process, String where, LocalDate firstDay) {}

  /**
   * Creates the mailer's topics if the app has not yet, and starts the mailer. Over SMTP, the first day sent is {@code from}, else the day the mailer first
   * started; to the local file, {@code from}, else every day (it e-mails nobody).
   */
  static Started start(PaperPulseConfig config, Map<String, String> env, Path dataDir, LocalDate from) throws Exception {
    TopicSetup.ensure(config, List.of(Topics.DIGESTS, Topics.DIGESTS_SENT));
    Optional<SmtpSender.Settings> smtp = SmtpSender.Settings.fromEnvironment(env);
    DigestSender sender = smtp.<DigestSender>map(SmtpSender::new).orElseGet(() -> new FileSender(dataDir.resolve(FILE)));
    LocalDate firstDay = from != null || smtp.isPresent() ? from : LocalDate.MIN;
    MailerProcess process = MailerProcess.start(config, TopicSerdes.registry(config), sender, firstDay);
    return new Started(process, sender.describe(), process.mailer().firstDay());
  }
}
