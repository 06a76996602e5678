package io.paperpulse.streams;

import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.TableReader;
import io.paperpulse.common.TableWriter;
import io.paperpulse.common.Topic;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.keywords.AcronymTable;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.MentionTerms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves watches and digest subscriptions written under an earlier extractor's keys to the keys the
 * extractor gives now, when the app starts. A watch holds the phrase its client typed, so its key is
 * made again from it. A subscription holds only keys; a hyphenated word without a digit in one of
 * them (extractor {@code kw-8} reads such a word as its words written apart) is keyed again, and a
 * key that is an acronym of the {@link AcronymTable} moves to its phrase's key ("llm" to "large
 * language model"). Both rewrites are idempotent, so every instance may run them.
 */
final class KeyUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(KeyUpgrade.class);

  private KeyUpgrade() {}

  /**
   * Rewrites what needs it, and logs what was moved; a failure is logged, not thrown (the next start
   * tries again), since the app runs without it.
   */
  static void run(PaperPulseConfig config, TopicSerdes serdes, Duration timeout) {
    try {
      int watches = apply(config, serdes, Topics.WATCHLIST, watchWrites(TableReader.readAll(config, Topics.WATCHLIST, serdes, timeout)));
      int subscriptions =
          apply(config, serdes, Topics.SUBSCRIPTIONS, subscriptionWrites(TableReader.readAll(config, Topics.SUBSCRIPTIONS, serdes, timeout)));
      if (watches + subscriptions > 0) {
        LOG.info("moved to the extractor's keys: {} watch record(s), {} subscription(s)", watches, subscriptions);
      }
    } catch (Exception e) {
      LOG.warn("could not move watches and subscriptions to the extractor's keys (tried again at the next start): {}", e.toString());
    }
  }

  /**
   * The writes that move each watch to the key of its phrase: the watch under its new key (unless a
   * watch is there already, which stays) and a removal of the old key. A null value removes.
   */
  static Map<String, Watch> watchWrites(Map<String, Watch> watches) {
    Map<String, Watch> writes = new LinkedHashMap<>();
    watches.forEach((key, watch) -> {
      String current = MentionTerms.keyOf(watch.getKeyword());
      if (current.isEmpty() || current.equals(key)) {
        return;
      }
      if (!watches.containsKey(current) && !writes.containsKey(current)) {
        writes.put(current, watch);
      } else {
        LOG.info("watch '{}' (owner {}) is dropped: the watch under its new key '{}' stays", watch.getKeyword(), watch.getOwner(), current);
      }
      writes.put(key, null);
    });
    return writes;
  }

  /** The subscriptions whose keywords change, with their keywords moved (order kept, duplicates dropped). */
  static Map<String, Subscription> subscriptionWrites(Map<String, Subscription> subscriptions) {
    Map<String, Subscription> writes = new LinkedHashMap<>();
    subscriptions.forEach((email, subscription) -> {
      Set<String> keys = new LinkedHashSet<>();
      subscription.getKeywords().forEach(k -> keys.add(AcronymTable.bundled().fold(rekeyHyphenated(k))));
      List<String> moved = new ArrayList<>(keys);
      if (!moved.equals(subscription.getKeywords())) {
        writes.put(email, Subscription.newBuilder(subscription).setKeywords(moved).build());
      }
    });
    return writes;
  }

  /**
   * A key with each hyphenated word without a digit keyed again by the extractor ("chain-of-thought"
   * gives "chain of thought"); other words, already keys, are left as they are, since folding a
   * key's word again may fold it further.
   */
  static String rekeyHyphenated(String key) {
    StringBuilder out = new StringBuilder();
    for (String word : key.split(" ")) {
      boolean rekey = word.indexOf('-') >= 0 && word.chars().noneMatch(Character::isDigit);
      String moved = rekey ? KeywordExtractor.keyOf(word) : word;
      out.append(out.length() == 0 ? "" : " ").append(moved.isEmpty() ? word : moved);
    }
    return out.toString();
  }

  private static <V> int apply(PaperPulseConfig config, TopicSerdes serdes, Topic<String, V> topic, Map<String, V> writes) {
    if (writes.isEmpty()) {
      return 0;
    }
    try (TableWriter<V> writer = new TableWriter<>(config, topic, serdes, "paperpulse-key-upgrade")) {
      writes.forEach(writer::put);
    }
    return writes.size();
  }
}
