package io.paperpulse.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The mailer's options, shared by {@code up} and {@code mailer}. */
final class DigestOptions {
  @Option(
      names = "--send-digests-from",
      description = "Send the digests of days from this one on (yyyy-MM-dd). Default over SMTP: days from the mailer's first start on; to the file: every day.")
  LocalDate sendDigestsFrom;
}
