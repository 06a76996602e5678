package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;

/** The one way to write an answer: JSON (records or maps), an error, or raw bytes of a content type. */
final class Responses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  /** A body that is not JSON: a page, a script, the metrics' text. */
  record Raw(String contentType, byte[] body) {}

  /** Every error's body. */
  record Error(String error) {}

  /** A classpath resource as a body; {@code contentType} without its charset, which is UTF-8. */
  static Raw resource(String path, String contentType) {
    try (InputStream in = Responses.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the classpath");
      }
      return new Raw(contentType + "; charset=utf-8", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(HttpExchange exchange, int status, Object body) throws IOException {
    if (body instanceof Raw raw) {
      send(exchange, status, raw.contentType(), raw.body());
    } else {
      send(exchange, status, "application/json; charset=utf-8", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
    }
  }

  static void error(HttpExchange exchange, int status, String message) throws IOException {
    write(exchange, status, new Error(message));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
