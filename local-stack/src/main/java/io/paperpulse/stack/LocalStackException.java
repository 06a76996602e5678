package io.paperpulse.stack;

/** The local stack could not start or stop; the message says what to do about it. */
public class LocalStackException extends RuntimeException {
  public LocalStackException(String message) {
    super(message);
  }

  public LocalStackException(String message, Throwable cause) {
    super(message, cause);
  }
}
