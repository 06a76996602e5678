package io.paperpulse.streams.alerts;

import static io.paperpulse.streams.analytics.DriverStores.DAY0;
import static io.paperpulse.streams.analytics.DriverStores.KEY;
import static io.paperpulse.streams.analytics.DriverStores.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.analytics.DriverStores;
import java.time.LocalDate;
import java.util.Set;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alerts' read side over the stores the keyword-trends topology fills on the test driver ({@link DriverStores}). */
@ExtendWith(DriverStores.Fed.class)
class AlertQueriesTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theWatchedPhrasesAlertIsAmongTheNewestAlerts(AlertQueries queries) {
    JsonNode part = json.valueToTree(queries.alertsPart(PARTITION, false, 10));

    assertThat(part.path("alerts")).anySatisfy(alert -> {
      assertThat(alert.path("keyword").asText()).isEqualTo(KEY);
      assertThat(alert.path("watched").asBoolean()).isTrue();
      assertThat(alert.path("owner").asText()).isEqualTo("ana");
      assertThat(alert.path("day").asText()).startsWith(LocalDate.ofEpochDay(DAY0 + 45).toString());
    });
  }

  @Test
  void aPartitionThisInstanceDoesNotHoldHasNoAnswer(AlertQueries queries) {
    assertThatThrownBy(() -> queries.alertsPart(Set.of(1), false, 10))
        .isInstanceOf(InvalidStateStoreException.class);
  }
}
