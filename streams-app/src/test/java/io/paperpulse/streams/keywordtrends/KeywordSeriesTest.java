package io.paperpulse.streams.keywordtrends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class KeywordSeriesTest {
  private static long[] counts(KeywordSeries series, long first, long last) {
    long[] out = new long[(int) (last - first + 1)];
    series.addTo(out, first, last);
    return out;
  }

  @Test
  void appendsDaysInOrderAndDropsThoseBeforeTheWindow() {
    KeywordSeries series = KeywordSeries.empty().append(10, 2, 0).append(12, 5, 0).append(15, 1, 12);

    assertThat(series.size()).isEqualTo(2);
    assertThat(series.lastDay()).isEqualTo(15);
    assertThat(counts(series, 10, 15)).containsExactly(0, 0, 5, 0, 0, 1);
    assertThat(counts(series, 13, 14)).containsExactly(0, 0);
  }

  @Test
  void refusesADayThatIsNotAfterTheLast() {
    KeywordSeries series = KeywordSeries.empty().append(10, 2, 0);

    assertThatThrownBy(() -> series.append(10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(KeywordSeries.empty().lastDay()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void survivesItsStoredForm() {
    Serde<KeywordSeries> serde = KeywordSeries.serde();
    KeywordSeries series = KeywordSeries.empty().append(20_500, 3, 0).append(20_501, 40, 0);

    KeywordSeries read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", series));

    assertThat(counts(read, 20_499, 20_501)).containsExactly(0, 3, 40);
    assertThat(read.lastDay()).isEqualTo(20_501);
  }
}
