package io.paperpulse.streams.keywords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {
  @Test
  void everyKeyReadsBackItsCountAndAbsentKeysReadZero() {
    Random random = new Random(7);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      counts.put("term " + i, 1 + random.nextInt(100_000));
    }
    DocumentFrequencies df = new DocumentFrequencies(200_000, counts);
    assertEquals(50_000, df.size());
    counts.forEach((key, count) -> assertEquals(count, df.df(key), key));
    for (int i = 50_000; i < 100_000; i++) {
      assertEquals(0, df.df("term " + i));
    }
  }

  @Test
  void aCountTooLargeForItsSlotIsKeptAtTheLargest() {
    DocumentFrequencies df = new DocumentFrequencies(1L << 30, Map.of("model", 1 << 25, "graph", 12));
    assertEquals(DocumentFrequencies.MAX_COUNT, df.df("model"));
    assertEquals(12, df.df("graph"));
  }
}
