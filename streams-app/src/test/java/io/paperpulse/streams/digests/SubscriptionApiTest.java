package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionApiTest {
  private final Map<String, Subscription> topic = new HashMap<>();
  private final SubscriptionStore store = new SubscriptionStore() {
    @Override
    public Subscription get(String email) {
      return topic.get(email);
    }

    @Override
    public void put(String email, Subscription subscription) {
      if (subscription == null) {
        topic.remove(email);
      } else {
        topic.put(email, subscription);
      }
    }
  };
  private final UnsubscribeTokens tokens = new UnsubscribeTokens("a secret of enough bytes".getBytes(StandardCharsets.UTF_8));
  private final SubscriptionApi api = new SubscriptionApi(store, tokens, Clock.fixed(Instant.parse("2025-03-21T00:00:00Z"), ZoneOffset.UTC));

  /** What the route of {@code method} and the path's {@code parts} after /api/subscriptions/ calls. */
  private Object call(String method, List<String> parts, Map<String, String> query, String body) {
    if (parts.size() == 2) {
      return api.unsubscribe(parts.get(0), query.get("token"));
    }
    return switch (method) {
      case "GET" -> api.get(parts.get(0));
      case "PUT" -> api.put(parts.get(0), body.getBytes(StandardCharsets.UTF_8));
      case "DELETE" -> api.delete(parts.get(0));
      default -> throw new IllegalArgumentException(method);
    };
  }

  private static int statusOf(ThrowingCall call) {
    try {
      call.run();
    } catch (RequestRejected e) {
      return e.status();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the request was not refused");
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void putGetAndDeleteASubscription() throws Exception {
    Object put = call("PUT", List.of("Ada@Example.org"), Map.of(), "{\"topics\": [\"Robotics\"], \"everything\": false}");

    assertThat(put).asString().contains("email=ada@example.org", "topics=[Robotics]");
    assertThat(call("GET", List.of("ada@example.org"), Map.of(), "")).isEqualTo(put);
    call("DELETE", List.of("ada@example.org"), Map.of(), "");
    assertThat(topic).isEmpty();
    assertThat(statusOf(() -> call("GET", List.of("ada@example.org"), Map.of(), ""))).isEqualTo(404);
  }

  @Test
  void theSignedLinkUnsubscribesAndABadTokenIsRefused() throws Exception {
    call("PUT", List.of("ada@example.org"), Map.of(), "{\"everything\": true}");

    assertThat(statusOf(() -> call("GET", List.of("ada@example.org", "unsubscribe"), Map.of("token", tokens.tokenFor("bob@example.org")), ""))).isEqualTo(403);
    assertThat(statusOf(() -> call("GET", List.of("ada@example.org", "unsubscribe"), Map.of(), ""))).isEqualTo(400);
    assertThat(topic).containsKey("ada@example.org");

    call("GET", List.of("ada@example.org", "unsubscribe"), Map.of("token", tokens.tokenFor("ada@example.org")), "");
    assertThat(topic).isEmpty();
  }

  @Test
  void badAddressesAndUnknownSubjectsAreRefused() {
    assertThat(statusOf(() -> call("PUT", List.of("not-an-address"), Map.of(), "{\"everything\": true}"))).isEqualTo(400);
    assertThatThrownBy(() -> call("PUT", List.of("a@b.io"), Map.of(), "{\"topics\": [\"Nope\"]}")).hasMessageContaining("unknown subject 'Nope'");
    assertThat(topic).isEmpty();
  }
}
