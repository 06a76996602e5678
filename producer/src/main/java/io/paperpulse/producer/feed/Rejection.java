package io.paperpulse.producer.feed;

/**
 * A record that could not become a paper: the file, where in it (line or index), and why.
 *
 * <p>Printed as {@code FILE:LOCATION: reason}, the form compilers use, so editors can jump to it.
 */
public record Rejection(String file, String location, String reason) {
  @Override
  public String toString() {
    return file + ":" + location + ": " + reason;
  }
}
