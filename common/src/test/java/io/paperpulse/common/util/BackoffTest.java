package io.paperpulse.common.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void theWaitDoublesAfterEachMissUpToTheCeiling() {
    assertThat(IntStream.rangeClosed(1, 7).mapToObj(Backoff.DEFAULT::delayAfter).map(Duration::toMillis))
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L);
  }

  @Test
  void aLongRunOfMissesStaysAtTheCeiling() {
    assertThat(new Backoff(Duration.ofMillis(1), Duration.ofDays(1)).delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void rejectsAZeroFirstWaitACeilingBelowItAndMissesBelowOne() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.DEFAULT.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
