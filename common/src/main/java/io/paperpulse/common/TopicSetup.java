package io.paperpulse.common;

import io.paperpulse.common.config.PaperPulseConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics PaperPulse writes when they do not exist yet, with the cluster's replication,
 * and returns once every partition of them has a leader that answers for it. A producer that starts
 * sending right after a topic is created then never meets a partition the broker does not lead yet:
 * an idempotent producer whose first batch to a new partition is refused while a later one is taken
 * retries the first until it expires (KAFKA-15591), so its records would be lost.
 */
public final class TopicSetup {
  /** How long a broker has to answer the first request, unless {@code default.api.timeout.ms} says otherwise. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

  private TopicSetup() {}

  /**
   * Creates each missing topic with {@link PaperPulseConfig#partitions()} partitions, the broker's default
   * replication factor, and {@code cleanup.policy=compact} where the topic {@linkplain
   * Topic#isCompacted() is compacted}. Existing topics are left as they are.
   */
  public static void ensure(PaperPulseConfig config, List<Topic<?, ?>> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Boolean> compacted = new LinkedHashMap<>();
    topics.forEach(t -> compacted.put(t.name(), t.isCompacted()));
    create(config, compacted);
  }

  /** As {@link #ensure}, for topics known by name only (benchmarks, tests), none compacted. */
  public static void ensureNames(PaperPulseConfig config, List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Boolean> compacted = new LinkedHashMap<>();
    names.forEach(name -> compacted.put(name, false));
    create(config, compacted);
  }

  /** How many partitions {@code topic} has. */
  public static int partitions(PaperPulseConfig config, Topic<?, ?> topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = admin(config)) {
      return admin.describeTopics(List.of(topic.name())).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic.name()).partitions().size();
    }
  }

  private static void create(PaperPulseConfig config, Map<String, Boolean> compactedByName)
      throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = admin(config)) {
      Set<String> existing = listTopics(admin, config);
      List<NewTopic> missing =
          compactedByName.entrySet().stream()
              .filter(t -> !existing.contains(t.getKey()))
              .map(t -> new NewTopic(t.getKey(), Optional.of(config.partitions()), Optional.empty())
                  .configs(t.getValue() ? Map.of("cleanup.policy", "compact") : Map.of()))
              .toList();
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      awaitLeaders(admin, compactedByName.keySet(), Duration.ofSeconds(60));
      awaitAnswers(admin, compactedByName.keySet(), Duration.ofSeconds(60));
    }
  }

  /**
   * Polls until the leader of every partition of {@code names} answers a list-offsets request. The
   * metadata can name a leader a moment before that broker serves the partition; a produce request
   * in that moment is refused.
   */
  private static void awaitAnswers(Admin admin, Collection<String> names, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()
        .forEach(topic -> topic.partitions()
            .forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(100);
    }
  }

  /** The cluster's topics; a broker that does not answer is named, with where its address is set. */
  private static Set<String> listTopics(Admin admin, PaperPulseConfig config)
      throws InterruptedException, ExecutionException, TimeoutException {
    long start = System.nanoTime();
    try {
      return admin.listTopics().names().get(answerTimeout(config).toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      if (e instanceof ExecutionException && !(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)) {
        throw e;
      }
      throw new KafkaNotAnswering(
          "Kafka at " + config.bootstrapServers() + " did not answer within "
              + Duration.ofNanos(System.nanoTime() - start).toSeconds()
              + " s: start it (./paperpulse up runs one), or set its address with --bootstrap-servers or"
              + " PAPERPULSE_BOOTSTRAP_SERVERS");
    }
  }

  /** Thrown when no broker answers at the configured address. */
  public static final class KafkaNotAnswering extends RuntimeException {
    KafkaNotAnswering(String message) {
      super(message);
    }
  }

  /** Polls until every partition of {@code names} has a leader, or throws naming those that have none. */
  private static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> leaderless = new ArrayList<>();
      try {
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()
            .forEach(topic -> topic.partitions().stream()
                .filter(p -> p.leader() == null || p.leader().isEmpty())
                .forEach(p -> leaderless.add(topic.name() + "-" + p.partition())));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        leaderless.add("(a topic not yet known to the broker: " + e.getCause().getMessage() + ")");
      }
      if (leaderless.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no leader after " + timeout.toSeconds() + " s for " + leaderless);
      }
      Thread.sleep(100);
    }
  }

  private static Duration answerTimeout(PaperPulseConfig config) {
    Object set = config.kafka().get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
    return set == null ? ANSWER_TIMEOUT : Duration.ofMillis(Long.parseLong(set.toString()));
  }

  private static Admin admin(PaperPulseConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) answerTimeout(config).toMillis());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return Admin.create(props);
  }
}
