package io.paperpulse.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class HealthTest {
  @Test
  void runningAndRebalancingAreUp() {
    assertThat(Health.of(State.RUNNING, 2)).isEqualTo(new Health("up", "RUNNING", 2));
    assertThat(Health.of(State.REBALANCING, 2).status()).isEqualTo("up");
  }

  @Test
  void anErrorOrAShutdownIsA503NamingTheState() {
    for (State state : new State[] {State.ERROR, State.PENDING_ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
      assertThatThrownBy(() -> Health.of(state, 0))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(503))
          .hasMessage("the streams app is " + state);
    }
  }
}
