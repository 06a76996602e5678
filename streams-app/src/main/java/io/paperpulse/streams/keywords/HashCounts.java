package io.paperpulse.streams.keywords;

/**
 * Counts by 64-bit key hash in an open-addressing table: a few bytes an entry where a
 * {@code HashMap<Long, Integer>} costs about seventy. Hashes are never 0 ({@link
 * DocumentFrequencies#hash}), which marks an empty slot.
 */
final class HashCounts {
  private long[] hashes = new long[64];
  private int[] counts = new int[64];
  private int size;

  int get(long hash) {
    int mask = hashes.length - 1;
    for (int slot = (int) hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash) {
        return counts[slot];
      }
    }
    return 0;
  }

  void add(long hash, int count) {
    if (2 * (size + 1) > hashes.length) {
      grow();
    }
    int mask = hashes.length - 1;
    int slot = (int) hash & mask;
    while (hashes[slot] != 0 && hashes[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    if (hashes[slot] == 0) {
      hashes[slot] = hash;
      size++;
    }
    counts[slot] += count;
  }

  /** Adds every count of {@code other} to this. */
  void addAll(HashCounts other) {
    for (int i = 0; i < other.hashes.length; i++) {
      if (other.hashes[i] != 0) {
        add(other.hashes[i], other.counts[i]);
      }
    }
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldCounts = counts;
    hashes = new long[oldHashes.length * 2];
    counts = new int[oldHashes.length * 2];
    size = 0;
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        add(oldHashes[i], oldCounts[i]);
      }
    }
  }
}
