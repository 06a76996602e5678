package io.paperpulse.streams;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** The schema registry could not be reached while reading a record; the record itself may be fine. */
public final class RegistryUnavailableException extends RuntimeException {
  public RegistryUnavailableException(String message, Throwable cause) {
    super("the schema registry is not reachable: " + message, cause);
  }

  /** The message of the first {@code RegistryUnavailableException} in the cause chain, else of {@code e}. */
  static String describe(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RegistryUnavailableException) {
        return c.getMessage();
      }
    }
    return e.toString();
  }

  /** Whether {@code e} was caused by a network failure (refused, reset, unknown host, timeout). */
  public static boolean isCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RegistryUnavailableException
          || c instanceof SocketException
          || c instanceof SocketTimeoutException
          || c instanceof UnknownHostException
          || c instanceof HttpTimeoutException
          || c instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
