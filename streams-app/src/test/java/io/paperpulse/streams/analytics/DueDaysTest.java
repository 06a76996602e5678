package io.paperpulse.streams.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueDaysTest {
  private static final long DAY = Days.MILLIS;
  private static final long HOUR = DAY / 24;

  @Test
  void eachNewFirstOpenDayIsToldOnceAfterTheGrace() {
    DueDays due = new DueDays(Duration.ofHours(2));
    List<Long> told = new ArrayList<>();

    due.advance(10 * DAY + HOUR, told::add); // still within day 9's grace: day 9 is open
    due.advance(10 * DAY + HOUR + 1, told::add);
    due.advance(10 * DAY + 2 * HOUR, told::add); // grace over: day 10 is the first open day
    due.advance(10 * DAY + 3 * HOUR, told::add);
    due.advance(13 * DAY + 5 * HOUR, told::add); // several days at once
    due.advance(12 * DAY, told::add); // a watermark never goes back; nothing to tell

    assertThat(told).containsExactly(9L, 10L, 13L);
  }

  @Test
  void withoutGraceADayIsDueAtItsEnd() {
    DueDays due = new DueDays(Duration.ZERO);
    List<Long> told = new ArrayList<>();

    due.advance(3 * DAY - 1, told::add);
    due.advance(3 * DAY, told::add);

    assertThat(told).containsExactly(2L, 3L);
  }

  @Test
  void aNegativeGraceIsRefused() {
    assertThatThrownBy(() -> new DueDays(Duration.ofMinutes(-1))).hasMessageContaining("PT-1M");
  }
}
