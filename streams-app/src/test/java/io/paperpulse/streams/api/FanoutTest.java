package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header by which one instance asks another for some partitions' part. */
class FanoutTest {
  @Test
  void aRequestWithoutTheHeaderIsForAWholeAnswer() {
    assertThat(Fanout.requested(null, 4)).isNull();
  }

  @Test
  void theHeaderListsPartitions() {
    assertThat(Fanout.requested("3, 0,1", 4)).containsExactly(0, 1, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "-1", "a", "1,,2"})
  void aPartitionThatIsNotThereIsA400NamingTheHeader(String header) {
    assertThatThrownBy(() -> Fanout.requested(header, 4))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(400))
        .hasMessageContaining(Fanout.PARTITIONS);
  }
}
