package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;

/** Delivers one digest; an exception means it may not have been delivered and is tried again. */
public interface DigestSender {
  void send(Digest digest) throws Exception;

  /** Where digests go, for the startup message. */
  String describe();
}
