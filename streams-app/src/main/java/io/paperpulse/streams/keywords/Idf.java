package io.paperpulse.streams.keywords;

/**
 * The inverse document frequencies the extractor scores with, by the 64-bit hash of a candidate's
 * key ({@link DocumentFrequencies#hash}): the background corpus alone, or the background together
 * with recent papers ({@link RecentFrequencies}).
 */
public interface Idf {
  /** In how many documents of the background corpus the key occurs. */
  int backgroundDf(long hash);

  /** The idf of a key whose background document frequency the caller has already looked up. */
  double idf(long hash, int backgroundDf);

  default double idf(long hash) {
    return idf(hash, backgroundDf(hash));
  }
}
