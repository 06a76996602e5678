package io.paperpulse.streams.digests;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sent log kept in memory: the compacted topic of a test, surviving the mailers it outlives. */
class MemorySentLog implements SentLog {
  final Map<String, Instant> sent = new ConcurrentHashMap<>();

  @Override
  public boolean contains(String key) {
    return sent.containsKey(key);
  }

  @Override
  public void record(String key, Instant when) {
    sent.put(key, when);
  }

  @Override
  public Instant recorded(String key) {
    return sent.get(key);
  }
}
