package io.paperpulse.streams.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventClockTest {
  private static final long DAY = Days.MILLIS;
  private final AnalyticsSettings settings = AnalyticsSettings.defaults().withSourcePartitions(1);
  private final long grace = settings.grace().toMillis();
  private final AtomicLong late = new AtomicLong();
  private final List<String> counted = new ArrayList<>();
  private final List<Long> firstOpen = new ArrayList<>();
  private EventClock clock;

  @BeforeEach
  void clock() {
    KeyValueStore<String, Long> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("marks"), Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    clock = new EventClock(store, settings);
  }

  private void take(String paper, int target, long timestamp) {
    Contribution c = new Contribution(0, target, paper, "a title", List.of(), List.of());
    clock.take(new Record<>(paper, c, timestamp), late, (taken, day) -> counted.add(taken.paperId() + "@" + day), firstOpen::add);
  }

  @Test
  void aDayClosesOnceEventTimePassesItsEndAndTheGrace() {
    take("a", 0, 10 * DAY + 1);
    take("b", 0, 11 * DAY + grace - 1);
    assertThat(counted).containsExactly("a@10", "b@11");
    assertThat(firstOpen).as("day 10 is due only once the grace after its end has passed").doesNotContain(11L);
    take("c", 0, 11 * DAY + grace);
    assertThat(firstOpen).last().isEqualTo(11L);
    take("d", 0, 11 * DAY + grace + 5);
    assertThat(firstOpen).as("told once a day, not once a record").containsOnlyOnce(11L);
  }

  @Test
  void aPaperOfAClosedDayIsLeftOutAndCountedLateOnceOverThePartitions() {
    long closesDay10 = 11 * DAY + grace;
    long aDay = Days.of(closesDay10);
    take("a", 0, closesDay10);
    take("late", 0, 10 * DAY + 5);
    take("late", 1, 10 * DAY + 5);
    assertThat(counted).containsExactly("a@" + aDay);
    assertThat(late).as("every analytics partition gets the paper; target 0 counts it").hasValue(1);
    take("open", 1, 11 * DAY + 5);
    assertThat(counted).as("day 11 is still open").containsExactly("a@" + aDay, "open@11");
  }
}
