package io.paperpulse.streams.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the route table: a method, a path template whose {@code {name}} segments are path
 * parameters, and the handler that answers.
 */
record Route(String method, String template, Handler handler) {
  /** Answers a request with a body: a record or map written as JSON, or a {@link Responses.Raw}. */
  @FunctionalInterface
  interface Handler {
    Object handle(Request request) throws IOException;
  }

  static Route get(String template, Handler handler) {
    return new Route("GET", template, handler);
  }

  static Route put(String template, Handler handler) {
    return new Route("PUT", template, handler);
  }

  static Route delete(String template, Handler handler) {
    return new Route("DELETE", template, handler);
  }

  /** The template's segments; empty segments (a trailing slash) are ignored. */
  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        out.add(segment);
      }
    }
    return out;
  }

  /** The path parameters of {@code path} (decoded segments) if it has this route's shape, else null. */
  Map<String, String> match(List<String> path) {
    List<String> template = segments(this.template);
    if (template.size() != path.size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      if (t.startsWith("{") && t.endsWith("}")) {
        params.put(t.substring(1, t.length() - 1), path.get(i));
      } else if (!t.equals(path.get(i))) {
        return null;
      }
    }
    return params;
  }

  /** How many literal segments the template has: among routes of the same shape, the most literal wins. */
  int literals() {
    return (int) segments(template).stream().filter(s -> !s.startsWith("{")).count();
  }
}
