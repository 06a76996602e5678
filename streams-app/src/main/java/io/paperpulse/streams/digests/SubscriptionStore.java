package io.paperpulse.streams.digests;

import io.paperpulse.avro.Subscription;

/** Where subscriptions are kept: the compacted {@code subscriptions} topic, read as a table. */
public interface SubscriptionStore {
  /** The subscription of {@code email}, or null. */
  Subscription get(String email);

  /** Writes {@code subscription} under {@code email}; null removes it. */
  void put(String email, Subscription subscription);
}
