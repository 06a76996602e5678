package io.paperpulse.producer.feed;

/** A whole input that cannot be read as a feed (not one bad record: see {@link Rejection}). */
public class FeedException extends Exception {
  public FeedException(String message) {
    super(message);
  }

  public FeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
