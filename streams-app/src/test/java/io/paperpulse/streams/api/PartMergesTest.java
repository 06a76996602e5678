package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartMergesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode alert(String day, String label, boolean watched, String... papers) {
    ObjectNode a = JSON.createObjectNode();
    a.put("key", day + "|" + label);
    a.put("label", label);
    a.put("day", day + "T00:00:00Z");
    a.put("watched", watched);
    ArrayNode samples = a.putArray("samples");
    for (String p : papers) {
      samples.addObject().put("id", p).put("title", "Paper " + p);
    }
    return a;
  }

  private static JsonNode part(ObjectNode... alerts) {
    ObjectNode part = JSON.createObjectNode();
    part.putArray("alerts").addAll(List.of(alerts));
    return part;
  }

  @Test
  void alertsOfOneBatchOfPapersAreOneEntryWithTheOthersAsRelated() {
    JsonNode one = part(
        alert("2025-06-28", "optimal control", false, "a", "b", "c"),
        alert("2025-06-26", "kalman filter", false, "b", "c", "x"));
    JsonNode other = part(
        alert("2025-06-27", "model predictive control", false, "a", "c", "d"),
        alert("2025-06-27", "GPT-5", false, "g", "h", "c"), // one shared paper: another event
        alert("2025-06-20", "control problem", false, "a", "b", "c")); // 8 days before: another event

    List<JsonNode> merged = PartMerges.mergeAlerts(List.of(one, other), 10);

    assertThat(merged).extracting(a -> a.path("label").asText()).containsExactly("optimal control", "GPT-5", "control problem");
    assertThat(merged.get(0).path("related")).extracting(JsonNode::asText).containsExactly("model predictive control", "kalman filter");
    assertThat(merged.get(1).path("related")).isEmpty();
  }

  @Test
  void aWatchedAlertIsListedOnItsOwnAndFoldsNothing() {
    JsonNode part = part(
        alert("2025-06-28", "zorblax", true, "a", "b"),
        alert("2025-06-28", "a zorblax tensor", false, "a", "b"), // after "zorblax" in the merge's order
        alert("2025-06-27", "tensor sheaves", true, "a", "b"));

    List<JsonNode> merged = PartMerges.mergeAlerts(List.of(part), 10);

    assertThat(merged).extracting(a -> a.path("label").asText()).containsExactly("zorblax", "a zorblax tensor", "tensor sheaves");
  }

  @Test
  void theLimitCountsListedAlertsAndFoldingContinuesPastIt() {
    JsonNode part = part(
        alert("2025-06-28", "first", false, "a", "b"),
        alert("2025-06-27", "second", false, "x", "y"),
        alert("2025-06-26", "third", false, "a", "b"));

    List<JsonNode> merged = PartMerges.mergeAlerts(List.of(part), 1);

    assertThat(merged).singleElement().satisfies(a -> {
      assertThat(a.path("label").asText()).isEqualTo("first");
      assertThat(a.path("related")).extracting(JsonNode::asText).containsExactly("third");
    });
  }
}
