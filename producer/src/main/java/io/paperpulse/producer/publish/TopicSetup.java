package io.paperpulse.producer.publish;

import io.paperpulse.producer.config.PaperPulseConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics PaperPulse writes when they do not exist yet, with the cluster's replication. */
public final class TopicSetup {
  public static final int DEFAULT_PARTITIONS = 3;

  private TopicSetup() {}

  /**
   * Creates each missing topic with {@link #DEFAULT_PARTITIONS} partitions and the broker's
   * default replication factor. Existing topics are left as they are.
   */
  public static void ensure(PaperPulseConfig config, List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    ensure(config, topics, List.of());
  }

  /**
   * As {@link #ensure(PaperPulseConfig, List)}, with the topics in {@code compacted} created with
   * {@code cleanup.policy=compact} (tables such as the watchlist).
   */
  public static void ensure(PaperPulseConfig config, List<String> topics, List<String> compacted)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t))
              .map(t -> new NewTopic(t, Optional.of(DEFAULT_PARTITIONS), Optional.empty())
                  .configs(compacted.contains(t) ? Map.of("cleanup.policy", "compact") : Map.of()))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  /** How many partitions {@code topic} has. */
  public static int partitions(PaperPulseConfig config, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    }
  }
}
