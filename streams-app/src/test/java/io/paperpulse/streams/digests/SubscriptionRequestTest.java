package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Subscription;
import io.paperpulse.streams.keywords.KeywordExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRequestTest {
  private static final Instant NOW = Instant.parse("2025-03-21T10:00:00Z");

  private static Subscription parse(String email, String body) {
    return SubscriptionRequest.parse(email, body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private static void assertRejected(String email, String body, int status, String reason) {
    assertThatThrownBy(() -> parse(email, body))
        .isInstanceOf(RequestRejected.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((RequestRejected) e).status()).isEqualTo(status));
  }

  @Test
  void aValidBodyBecomesASubscriptionWithNormalisedKeywordsAndTheAddressLowerCased() {
    Subscription s = parse("Ada@Example.ORG", "{\"keywords\": [\"Diffusion Models\", \"diffusion model\"], \"topics\": [\"Machine Learning\"]}");

    assertThat(s.getEmail()).isEqualTo("ada@example.org");
    assertThat(s.getKeywords()).containsExactly(KeywordExtractor.keyOf("diffusion models"));
    assertThat(s.getSubjects()).containsExactly("Machine Learning");
    assertThat(s.getEverything()).isFalse();
    assertThat(s.getCreated()).isEqualTo(NOW);
  }

  @Test
  void everythingAloneIsEnough() {
    assertThat(parse("a@b.io", "{\"everything\": true}").getEverything()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-at-sign", "a@b", "a b@c.org", "a@@c.org", "a@c..org", "<a@c.org>", "a@-c.org", ""})
  void anInvalidAddressIsRefusedNamingIt(String address) {
    assertRejected(address, "{\"everything\": true}", 400, "is not a valid e-mail address");
  }

  @Test
  void anUnknownSubjectIsRefusedNamingIt() {
    assertRejected("a@b.io", "{\"topics\": [\"Alchemy\"]}", 400, "unknown subject 'Alchemy' in topics");
  }

  @Test
  void tooManyKeywordsAreRefused() {
    StringBuilder body = new StringBuilder("{\"keywords\": [");
    for (int i = 0; i <= SubscriptionRequest.MAX_KEYWORDS; i++) {
      body.append(i == 0 ? "" : ",").append("\"keyword").append((char) ('a' + i)).append("\"");
    }
    assertRejected("a@b.io", body.append("]}").toString(), 400, "at most " + SubscriptionRequest.MAX_KEYWORDS + " keywords, not 21");
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    String body = "{\"keywords\": [\"" + "x".repeat(SubscriptionRequest.MAX_BODY_BYTES) + "\"]}";
    assertRejected("a@b.io", body, 413, "larger than " + SubscriptionRequest.MAX_BODY_BYTES + " bytes");
  }

  @Test
  void malformedOrEmptyBodiesAreRefusedSayingWhy() {
    assertRejected("a@b.io", "{\"keywords\": [", 400, "not valid JSON");
    assertRejected("a@b.io", "[]", 400, "must be a JSON object");
    assertRejected("a@b.io", "{}", 400, "follow at least one keyword or subject");
    assertRejected("a@b.io", "{\"keywords\": \"llm\"}", 400, "keywords must be an array of strings");
    assertRejected("a@b.io", "{\"keywords\": [3]}", 400, "keywords must be an array of strings");
    assertRejected("a@b.io", "{\"everything\": \"yes\"}", 400, "everything must be true or false");
    assertRejected("a@b.io", "{\"topic\": [\"Robotics\"]}", 400, "unknown field 'topic'");
    assertRejected("a@b.io", "{\"keywords\": [\"!!!\"]}", 400, "has no words");
  }
}
