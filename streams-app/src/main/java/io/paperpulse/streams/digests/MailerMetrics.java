package io.paperpulse.streams.digests;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** The digest mailer's counters, for Prometheus. */
public final class MailerMetrics {
  public static final String SENT = "paperpulse.digests.sent";
  public static final String SKIPPED = "paperpulse.digests.skipped";
  public static final String SEND_FAILURES = "paperpulse.digests.send.failures";

  private MailerMetrics() {}

  /** Registers {@code mailer}'s counters in {@code registry}. */
  public static void bind(MeterRegistry registry, DigestMailer mailer) {
    FunctionCounter.builder(SENT, mailer, DigestMailer::sent)
        .description("Digests sent (e-mailed, or written to the file without SMTP)").register(registry);
    FunctionCounter.builder(SKIPPED, mailer, DigestMailer::beforeFirstDay).tag("reason", "before-first-day")
        .description("Digests not sent: their day is before the first day to send").register(registry);
    FunctionCounter.builder(SKIPPED, mailer, DigestMailer::alreadySent).tag("reason", "already-sent")
        .description("Digests not sent: the sent log has them").register(registry);
    FunctionCounter.builder(SEND_FAILURES, mailer, DigestMailer::failedAttempts)
        .description("Attempts to send a digest that failed; each is tried again after a backoff").register(registry);
  }
}
