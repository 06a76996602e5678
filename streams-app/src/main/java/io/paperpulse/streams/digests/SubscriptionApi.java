package io.paperpulse.streams.digests;

import io.paperpulse.avro.Subscription;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the routes {@code /api/subscriptions/{email}} do: GET, PUT (a JSON body of keywords, topics
 * (the subjects followed) and everything) and DELETE, and {@code GET /api/subscriptions/{email}/unsubscribe?token=...} for
 * the digest's link. Answers are maps for the API's JSON; refusals are {@link RequestRejected}.
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

  /** {@code GET /api/subscriptions/{email}}. */
  public Object get(String address) {
    String email = SubscriptionRequest.email(address);
    Subscription subscription = store.get(email);
    if (subscription == null) {
      throw new RequestRejected(404, "no subscription for " + email);
    }
    return json(subscription);
  }

  /**
   * {@code PUT /api/subscriptions/{email}}.
   *
   * @param body the request body, read up to {@link SubscriptionRequest#MAX_BODY_BYTES} + 1 bytes
   */
  public Object put(String address, byte[] body) {
    String email = SubscriptionRequest.email(address);
    Subscription subscription = SubscriptionRequest.parse(email, body, clock.instant());
    store.put(email, subscription);
    return json(subscription);
  }

  /** {@code DELETE /api/subscriptions/{email}}. */
  public Object delete(String address) {
    String email = SubscriptionRequest.email(address);
    store.put(email, null);
    return answer(email, "deleted");
  }

  /** {@code GET /api/subscriptions/{email}/unsubscribe?token=...}, the link of every digest. */
  public Object unsubscribe(String address, String token) {
    String email = SubscriptionRequest.email(address);
    if (token == null || token.isEmpty()) {
      throw new RequestRejected(400, "the unsubscribe link needs its token parameter");
    }
    if (!tokens.valid(email, token)) {
      throw new RequestRejected(403, "the token does not match " + email + "; use the link of a digest sent to it");
    }
    store.put(email, null);
    return answer(email, "unsubscribed");
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

  /** What a change of a subscription answers: the address, then what happened to it (always true). */
  private static Map<String, Object> answer(String email, String done) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("email", email);
    out.put(done, true);
    return out;
  }
}
