package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.analytics.StoreNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance owns a keyword's partition, and the request forwarded there when it is not this
 * one (the role of {@code MetadataService} in Confluent's interactive-query examples).
 */
final class OwnerForwarding {
  /** Set on a forwarded request, so that its receiver answers it rather than forwarding again. */
  static final String FORWARDED = "X-PaperPulse-Forwarded";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  /** @param self the host and port this instance gives as its {@code application.server} */
  OwnerForwarding(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  /** Whether {@code host} is this instance. */
  boolean isLocal(HostInfo host) {
    return host.port() == self.port()
        && (host.host().equals(self.host()) || host.host().equals("localhost") || host.host().equals("127.0.0.1"));
  }

  /**
   * The owner's answer to the request, or null when this instance answers: it owns {@code key},
   * the request was forwarded to it, or the owner does not answer and this instance has a standby
   * copy (the answer is then marked stale).
   */
  JsonNode answerElsewhere(Request request, String key) throws IOException {
    if (request.header(FORWARDED) != null) {
      return null;
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.KEYWORD_DAYS, key, Serdes.String().serializer());
    if (owner == null || owner.activeHost() == null || owner.activeHost().port() == -1) {
      throw ApiException.unavailable("the app is starting or rebalancing; try again shortly");
    }
    if (isLocal(owner.activeHost())) {
      return null;
    }
    HostInfo host = owner.activeHost();
    URI target = URI.create("http://" + host.host() + ":" + host.port() + request.uri());
    try {
      return ask(target);
    } catch (IOException e) {
      // The owner died, hangs or broke off its answer, and the group has not yet moved its work.
      if (owner.standbyHosts().stream().anyMatch(this::isLocal)) {
        request.markStale();
        return null;
      }
      throw ApiException.unavailable("the instance that owns '" + key + "', " + target.getAuthority() + ", does not answer");
    }
  }

  private JsonNode ask(URI target) throws IOException {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(target).header(FORWARDED, "1").timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ApiException(response.statusCode(), json.readTree(response.body()).path("error").asText("error at " + target));
      }
      return json.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while asking " + target);
    }
  }
}
