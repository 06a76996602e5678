package io.paperpulse.streams.subjectcounts;

import static io.paperpulse.streams.analytics.DriverStores.DAY0;
import static io.paperpulse.streams.analytics.DriverStores.PARTITION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.analytics.DriverStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The subject counts' read side over the stores the topology fills on the test driver ({@link DriverStores}). */
@ExtendWith(DriverStores.Fed.class)
class SubjectCountQueriesTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theDaysPartCountsEveryPaperOfADayOnceUnderItsSubject(SubjectCountQueries queries) {
    JsonNode day = json.valueToTree(queries.subjectDaysPart(PARTITION, false)).path("days").path(String.valueOf(DAY0 + 45));

    assertThat(day.path("total").asLong()).isEqualTo(199);
    assertThat(day.path("counts").size()).isEqualTo(2);
    assertThat(day.path("counts").path("Computer Vision").asLong() + day.path("counts").path("Machine Learning").asLong())
        .isEqualTo(199);
  }
}
