package io.paperpulse.streams.api;

/** A request the API refuses, with the HTTP status to answer and a message saying what is wrong. */
final class ApiException extends RuntimeException {
  final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  static ApiException unavailable(String message) {
    return new ApiException(503, message);
  }
}
