package io.paperpulse.streams.keywords;

/**
 * The inverse document frequencies the extractor scores with, by the 64-bit hash of a candidate's
 * key ({@link DocumentFrequencies#hash}): the background corpus alone, or the background together
 * with recent papers ({@link RecentFrequencies}).
 */
public interface Idf {
  /** In how many documents of the background corpus the key occurs. */
  int backgroundDf(long hash);

  double idf(long hash);
}
