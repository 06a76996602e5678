package io.paperpulse.streams.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A request as handlers see it: its path parameters, validated query parameters, headers and body. */
final class Request {
  static final int MAX_BODY_BYTES = 16 * 1024;
  /** Set on an answer that may be behind: from a standby copy, or while the app restores or rebalances. */
  static final String STALE = "X-PaperPulse-Stale";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpExchange exchange;
  private final Map<String, String> path;
  private final Params params;

  Request(HttpExchange exchange, Map<String, String> path) {
    this.exchange = exchange;
    this.path = path;
    this.params = new Params(query(exchange.getRequestURI().getRawQuery()));
  }

  /** A path parameter, decoded. */
  String path(String name) {
    return path.get(name);
  }

  Params params() {
    return params;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The path and query as the client sent them, to ask another instance the same. */
  URI uri() {
    return exchange.getRequestURI();
  }

  /** Marks the answer as possibly behind ({@value #STALE}). */
  void markStale() {
    exchange.getResponseHeaders().set(STALE, "true");
  }

  /** The body's bytes, at most {@code limit} + 1 of them, so that a reader can tell an oversized body. */
  byte[] body(int limit) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(limit + 1);
    }
  }

  /** The body as a JSON object; an empty body is an empty object. */
  JsonNode jsonBody() throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return node;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(name, value);
    }
    return out;
  }
}
