package io.paperpulse.producer;

/** Names of every topic PaperPulse reads or writes, in one place. */
public final class Topics {
  /** Raw papers as the producer publishes them, keyed by paper id. */
  public static final String PAPERS = "papers";

  private Topics() {}
}
