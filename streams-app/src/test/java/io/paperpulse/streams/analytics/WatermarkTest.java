package io.paperpulse.streams.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatermarkTest {
  private static final long DAY = Days.MILLIS;
  private KeyValueStore<String, Long> store;

  @BeforeEach
  void store() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("marks"), Serdes.String(), Serdes.Long())
        .withLoggingDisabled().build();
    org.apache.kafka.streams.processor.api.MockProcessorContext<Object, Object> context =
        new org.apache.kafka.streams.processor.api.MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
  }

  @Test
  void theSlowestPartitionHoldsTheWatermark() {
    Watermark watermark = new Watermark(store, 2);
    watermark.advance("0", 1 * DAY);
    watermark.advance("1", 1 * DAY);
    assertThat(watermark.advance("0", 5 * DAY)).as("partition 1 is still at day 1").isEqualTo(1 * DAY);
    assertThat(watermark.advance("1", 3 * DAY)).isEqualTo(3 * DAY);
    assertThat(watermark.advance("1", 2 * DAY)).as("an older record moves nothing").isEqualTo(3 * DAY);
  }

  @Test
  void untilEveryPartitionIsSeenOnlyTheSkewRuleMovesItAndItNeverGoesBack() {
    Watermark watermark = new Watermark(store, 2);
    long skew = Watermark.MAX_SKEW.toMillis();
    assertThat(watermark.advance("0", skew + 10 * DAY)).isEqualTo(10 * DAY);
    assertThat(watermark.advance("1", 5 * DAY)).as("a late first partition does not move it back").isEqualTo(10 * DAY);
    assertThat(watermark.advance("1", skew + 5 * DAY)).as("the slowest partition now leads it").isEqualTo(skew + 5 * DAY);
  }

  @Test
  void aPartitionFarBehindCountsAsIdle() {
    Watermark watermark = new Watermark(store, 2);
    watermark.advance("0", 0);
    assertThat(watermark.advance("1", Watermark.MAX_SKEW.toMillis() + 3 * DAY)).isEqualTo(3 * DAY);
  }

  @Test
  void aRestartResumesFromTheStore() {
    Watermark before = new Watermark(store, 2);
    before.advance("0", 4 * DAY);
    before.advance("1", 6 * DAY);
    assertThat(new Watermark(store, 2).current()).isEqualTo(4 * DAY);
  }
}
