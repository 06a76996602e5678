package io.paperpulse.producer.feed;

/** One record of a feed is not a usable paper; the message is the reason shown to the user. */
public class InvalidRecordException extends Exception {
  public InvalidRecordException(String reason) {
    super(reason);
  }
}
