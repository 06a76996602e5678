package io.paperpulse.producer.feed;

import java.io.IOException;
import java.io.InputStream;

/** Reads one feed format. Implementations keep no state between calls. */
public interface FeedParser {
  /**
   * Reads every record of {@code in}, telling {@code listener} of each paper and each rejected
   * record, in input order.
   *
   * @param name the input's name as the user gave it, used in rejections
   * @throws FeedException when the input as a whole is not a readable feed of this format
   */
  void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException;
}
