package io.paperpulse.streams.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The route table: finds the route of a request, or says why there is none (404 or 405). */
final class Routes {
  private final List<Route> routes;

  Routes(List<Route> routes) {
    this.routes = routes.stream().sorted(Comparator.comparingInt(Route::literals).reversed()).toList();
  }

  List<Route> all() {
    return routes;
  }

  /** A route and the path parameters it matched. */
  record Match(Route route, Map<String, String> params) {}

  /**
   * The route for {@code method} on the decoded path segments.
   *
   * @throws ApiException 404 when no template has that path, 405 (naming the allowed methods) when
   *     templates have it but not for that method
   */
  Match find(String method, String path, List<String> segments) {
    TreeSet<String> allowed = new TreeSet<>();
    String shape = null;
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null || shape != null && !shape.equals(route.template())) {
        continue; // a less literal template of the same path does not make a method allowed
      }
      shape = route.template();
      if (route.method().equals(method)) {
        return new Match(route, params);
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw ApiException.notFound("no such endpoint: " + method + " " + path);
    }
    throw new ApiException(405, "use " + String.join(", ", allowed) + " on " + shape + ", not " + method);
  }
}
