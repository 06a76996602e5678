package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.PaperPulseTopology;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks every partition of the {@code analytics} topic for its part of an answer: the partitions
 * this instance owns it answers itself, the others' owners by HTTP (the same request with the
 * header {@value #PARTITIONS} naming theirs). When an owner does not answer, or no owner is known
 * while the group rebalances, this instance answers for those partitions from its standby copies
 * if it has them, and the answer is marked stale.
 */
final class Fanout {
  /** The header of a request for some partitions' part: their numbers, comma-separated. */
  static final String PARTITIONS = "X-PaperPulse-Partitions";

  private final KafkaStreams streams;
  private final int partitions;
  private final Predicate<HostInfo> isLocal;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  Fanout(KafkaStreams streams, int partitions, Predicate<HostInfo> isLocal) {
    this.streams = streams;
    this.partitions = partitions;
    this.isLocal = isLocal;
  }

  /** The parts, and whether any came from a standby copy. */
  record Parts(List<JsonNode> parts, boolean stale) {}

  /**
   * Every partition's part of the request {@code pathAndQuery}.
   *
   * @param local answers for a set of this instance's partitions
   */
  Parts collect(String pathAndQuery, Function<TreeSet<Integer>, Object> local) {
    Map<HostInfo, TreeSet<Integer>> owners = owners();
    List<JsonNode> parts = new ArrayList<>();
    TreeSet<Integer> fallback = new TreeSet<>();
    for (Map.Entry<HostInfo, TreeSet<Integer>> owner : owners.entrySet()) {
      if (owner.getKey() == null) {
        fallback.addAll(owner.getValue());
      } else if (isLocal.test(owner.getKey())) {
        parts.add(json.valueToTree(local.apply(owner.getValue())));
      } else {
        JsonNode remote = ask(owner.getKey(), owner.getValue(), pathAndQuery);
        if (remote == null) {
          fallback.addAll(owner.getValue());
        } else {
          parts.add(remote);
        }
      }
    }
    if (!fallback.isEmpty()) {
      parts.add(json.valueToTree(local.apply(fallback))); // standby copies, or a 503 if there are none
    }
    return new Parts(parts, !fallback.isEmpty());
  }

  /** The active owner of each partition; null for partitions without one. */
  private Map<HostInfo, TreeSet<Integer>> owners() {
    Map<Integer, HostInfo> active = new LinkedHashMap<>();
    for (StreamsMetadata client : streams.metadataForAllStreamsClients()) {
      for (TopicPartition tp : client.topicPartitions()) {
        if (tp.topic().endsWith(PaperPulseTopology.ANALYTICS_TOPIC_SUFFIX)) {
          active.put(tp.partition(), client.hostInfo());
        }
      }
    }
    Map<HostInfo, TreeSet<Integer>> owners = new LinkedHashMap<>();
    for (int p = 0; p < partitions; p++) {
      owners.computeIfAbsent(active.get(p), h -> new TreeSet<>()).add(p);
    }
    return owners;
  }

  /** A remote owner's part, or null when it does not answer, or answers from a copy that may be behind. */
  private JsonNode ask(HostInfo host, TreeSet<Integer> owned, String pathAndQuery) {
    URI target = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    String list = String.join(",", owned.stream().map(String::valueOf).toList());
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(target).header(PARTITIONS, list).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || response.headers().firstValue(Request.STALE).isPresent()) {
        return null; // restoring, rebalancing or broken: this instance's copies answer if it has them
      }
      return json.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable( "interrupted while asking " + target);
    } catch (IOException e) {
      return null; // died, hangs, or broke off its answer
    }
  }

  /** The partitions a request for a part names, or null for a request of a whole answer. */
  static TreeSet<Integer> requested(String header, int partitions) {
    if (header == null) {
      return null;
    }
    TreeSet<Integer> out = new TreeSet<>();
    for (String p : header.split(",")) {
      try {
        int partition = Integer.parseInt(p.trim());
        if (partition < 0 || partition >= partitions) {
          throw ApiException.badRequest( PARTITIONS + " names no partition " + partition);
        }
        out.add(partition);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest( PARTITIONS + " must list partition numbers, not '" + header + "'");
      }
    }
    return out;
  }
}
