package io.paperpulse.streams;

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
    assertThat(watermark.advance("0", 40 * DAY)).isEqualTo(40 * DAY - Watermark.MAX_SKEW.toMillis());
    assertThat(watermark.advance("1", 5 * DAY)).as("a late first partition does not move it back")
        .isEqualTo(40 * DAY - Watermark.MAX_SKEW.toMillis());
    assertThat(watermark.advance("1", 35 * DAY)).as("the slowest partition now leads it").isEqualTo(35 * DAY);
  }

  @Test
  void aPartitionFarBehindCountsAsIdle() {
    Watermark watermark = new Watermark(store, 2);
    watermark.advance("0", 0);
    assertThat(watermark.advance("1", 30 * DAY)).isEqualTo(30 * DAY - Watermark.MAX_SKEW.toMillis());
  }

  @Test
  void aRestartResumesFromTheStore() {
    Watermark before = new Watermark(store, 2);
    before.advance("0", 4 * DAY);
    before.advance("1", 6 * DAY);
    assertThat(new Watermark(store, 2).current()).isEqualTo(4 * DAY);
  }
}
