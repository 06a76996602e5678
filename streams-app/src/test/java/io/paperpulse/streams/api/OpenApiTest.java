package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the route table describe the same API. */
class OpenApiTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws Exception {
    JsonNode document;
    try (InputStream in = OpenApiTest.class.getResourceAsStream(ApiRoutes.OPENAPI)) {
      document = new ObjectMapper().readTree(in);
    }
    TreeSet<String> documented = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method)) {
        documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));
    TreeSet<String> routed = new TreeSet<>();
    for (Route route : ApiRoutes.table(null, null, null, null, null, null).all()) {
      routed.add(route.method() + " " + route.template());
    }

    assertThat(routed).hasSizeGreaterThan(10);
    assertThat(documented).isEqualTo(routed);
  }

  @Test
  void everyPathParameterOfATemplateIsDocumented() throws Exception {
    JsonNode paths;
    try (InputStream in = OpenApiTest.class.getResourceAsStream(ApiRoutes.OPENAPI)) {
      paths = new ObjectMapper().readTree(in).path("paths");
    }
    for (Route route : ApiRoutes.table(null, null, null, null, null, null).all()) {
      JsonNode operation = paths.path(route.template()).path(route.method().toLowerCase(Locale.ROOT));
      TreeSet<String> documented = new TreeSet<>();
      operation.path("parameters").forEach(p -> {
        if (p.path("in").asText().equals("path")) {
          documented.add(p.path("name").asText());
        }
      });
      TreeSet<String> templated = new TreeSet<>();
      for (String segment : Route.segments(route.template())) {
        if (segment.startsWith("{")) {
          templated.add(segment.substring(1, segment.length() - 1));
        }
      }
      assertThat(documented).as(route.method() + " " + route.template()).isEqualTo(templated);
      assertThat(operation.path("responses").has("200")).as(route.method() + " " + route.template()).isTrue();
    }
  }
}
