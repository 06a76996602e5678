package io.paperpulse.producer.feed;

import io.paperpulse.avro.Paper;

/** Receives, in input order, every paper a parser reads and every record it rejects. */
public interface ParseListener {
  /**
   * A paper read from the input.
   *
   * @param location where in the file it came from (line or index), for later error reports
   */
  void paper(Paper paper, String location);

  /** A record that could not be read as a paper. */
  void rejected(Rejection rejection);
}
