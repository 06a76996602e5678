package io.paperpulse.streams.digests;

/** A subscription request the API refuses: its HTTP status and the reason, for the caller. */
public final class RequestRejected extends RuntimeException {
  private final int status;

  public RequestRejected(int status, String reason) {
    super(reason);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
