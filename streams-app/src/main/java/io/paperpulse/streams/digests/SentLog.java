package io.paperpulse.streams.digests;

import java.time.Instant;

/** What the mailer has sent, by digest key ({@code email|day}), kept across restarts. */
public interface SentLog {
  /** The key under which the mailer's first start is kept. */
  String FIRST_START = "mailer|first-start";

  boolean contains(String key);

  /** Records {@code key} as sent at {@code when}; returns once the record is durable. */
  void record(String key, Instant when) throws Exception;

  /** When {@code key} was recorded, or null. */
  Instant recorded(String key);
}
