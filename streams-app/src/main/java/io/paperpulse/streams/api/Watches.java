package io.paperpulse.streams.api;

import io.paperpulse.avro.Watch;

/** The watchlist as the HTTP layer reads and writes it, by normalised keyword. */
interface Watches {
  /** The watch on {@code key}, or null. */
  Watch get(String key);

  /** Writes (or with null, removes) the watch on {@code key}; a 503 when it cannot be written. */
  void write(String key, Watch watch);
}
