package io.paperpulse.streams.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class TrendMathTest {
  @Test
  void poissonTailsMatchValuesComputedByHand() {
    // 1 - sum_{k<12} e^-2 2^k / k!
    assertThat(Poisson.upperTail(12, 2.0)).isCloseTo(1.3646151595e-6, offset(1e-15));
    assertThat(Poisson.upperTail(1, 2.0)).isCloseTo(1 - Math.exp(-2), offset(1e-15));
    assertThat(Poisson.upperTail(0, 2.0)).isEqualTo(1.0);
    assertThat(Poisson.upperTail(3, 0.0)).isEqualTo(0.0);
    // A far tail stays positive and tiny instead of rounding to zero through 1 - cdf.
    assertThat(Poisson.upperTail(40, 0.5)).isPositive().isLessThan(1e-50);
  }

  @Test
  void theFirstDaySeedsTheBaselineAndLaterDaysMoveItByAlpha() {
    Baseline b = Baseline.empty().fold(10, 0.2, 0.1);
    assertThat(b.mean()).isEqualTo(0.2);
    assertThat(b.variance()).isZero();

    Baseline next = b.fold(11, 0.4, 0.1);
    assertThat(next.mean()).isCloseTo(0.22, offset(1e-12));
    assertThat(next.variance()).isCloseTo(0.9 * (0.2 * 0.02), offset(1e-12));
    assertThat(next.days()).isEqualTo(2);
  }

  @Test
  void daysWithoutTheKeywordCountAsZeroShares() {
    Baseline b = Baseline.empty().fold(0, 0.1, 0.5);

    Baseline later = b.fold(3, 0.1, 0.5); // days 1 and 2 had no paper with the keyword
    assertThat(later.mean()).isCloseTo(0.1 * 0.25 * 0.5 + 0.1 * 0.5, offset(1e-12));
    assertThat(later.days()).isEqualTo(4);
    assertThat(later.lastDay()).isEqualTo(3);
  }

  @Test
  void aShareFarAboveAFlatBaselineScoresHighAndOneOnItScoresZero() {
    Baseline flat = new Baseline(0.1, 0.0, 20, 19);

    assertThat(flat.score(2, 20)).isCloseTo(0.0, offset(1e-12));
    assertThat(flat.score(12, 20)).isGreaterThan(5);
    assertThat(Baseline.empty().score(1, 1000)).isFinite();
  }

  @Test
  void oneSpikeAlertsOnceAndANewSpikeAfterAQuietDayAlertsAgain() {
    long none = SpikeDetector.NONE;
    SpikeDetector.Decision first = SpikeDetector.decide(none, 20, true, false);
    assertThat(first.alert()).isTrue();
    SpikeDetector.Decision again = SpikeDetector.decide(first.activeDay(), 20, true, false);
    assertThat(again.alert()).isFalse();
    SpikeDetector.Decision nextDay = SpikeDetector.decide(again.activeDay(), 21, true, false);
    assertThat(nextDay.alert()).isFalse();
    assertThat(nextDay.activeDay()).isEqualTo(21);
    SpikeDetector.Decision quiet = SpikeDetector.decide(nextDay.activeDay(), 22, false, true);
    assertThat(quiet.activeDay()).isEqualTo(none);
    assertThat(SpikeDetector.decide(quiet.activeDay(), 25, true, false).alert()).isTrue();
    assertThat(SpikeDetector.decide(21, 30, true, false).alert()).as("a gap of days ends a spike").isTrue();
  }
}
