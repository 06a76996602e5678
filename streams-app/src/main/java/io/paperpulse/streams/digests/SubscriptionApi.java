package io.paperpulse.streams.digests;

import io.paperpulse.avro.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/subscriptions/{email}}: GET, PUT (a JSON body of keywords, topics and everything) and
 * DELETE, and {@code GET /api/subscriptions/{email}/unsubscribe?token=...} for the digest's link.
 * Answers are maps for the API's JSON; refusals are {@link RequestRejected}.
 */
public final class SubscriptionApi {
  private final SubscriptionStore store;
  private final UnsubscribeTokens tokens;
  private final Clock clock;

  public SubscriptionApi(SubscriptionStore store, UnsubscribeTokens tokens, Clock clock) {
    this.store = store;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Answers a request whose path after {@code /api/subscriptions/} is {@code parts}.
   *
   * @param body the request body, read up to {@link SubscriptionRequest#MAX_BODY_BYTES} + 1 bytes
   */
  public Object handle(String method, List<String> parts, Map<String, String> query, InputStream body) throws IOException {
    if (parts.size() == 2 && parts.get(1).equals("unsubscribe")) {
      requireGet(method);
      return unsubscribe(parts.get(0), query.get("token"));
    }
    if (parts.size() != 1) {
      throw new RequestRejected(404, "no such endpoint: /api/subscriptions/" + String.join("/", parts));
    }
    String email = SubscriptionRequest.email(parts.get(0));
    return switch (method) {
      case "GET" -> get(email);
      case "PUT" -> put(email, body.readNBytes(SubscriptionRequest.MAX_BODY_BYTES + 1));
      case "DELETE" -> delete(email);
      default -> throw new RequestRejected(405, "use GET, PUT or DELETE on /api/subscriptions/{email}");
    };
  }

  private Object get(String email) {
    Subscription subscription = store.get(email);
    if (subscription == null) {
      throw new RequestRejected(404, "no subscription for " + email);
    }
    return json(subscription);
  }

  private Object put(String email, byte[] body) {
    Subscription subscription = SubscriptionRequest.parse(email, body, clock.instant());
    store.put(email, subscription);
    return json(subscription);
  }

  private Object delete(String email) {
    store.put(email, null);
    return Map.of("email", email, "deleted", true);
  }

  private Object unsubscribe(String address, String token) {
    String email = SubscriptionRequest.email(address);
    if (token == null || token.isEmpty()) {
      throw new RequestRejected(400, "the unsubscribe link needs its token parameter");
    }
    if (!tokens.valid(email, token)) {
      throw new RequestRejected(403, "the token does not match " + email + "; use the link of a digest sent to it");
    }
    store.put(email, null);
    return Map.of("email", email, "unsubscribed", true);
  }

  private static void requireGet(String method) {
    if (!method.equals("GET")) {
      throw new RequestRejected(405, "only GET is allowed here");
    }
  }

  static Map<String, Object> json(Subscription s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("email", s.getEmail());
    out.put("keywords", s.getKeywords());
    out.put("topics", s.getSubjects());
    out.put("everything", s.getEverything());
    out.put("created", s.getCreated().toString());
    return out;
  }
}
