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
    KeywordSeries series = KeywordSeries.empty().append(10, 2, 2, 0).append(12, 5, 5, 0).append(15, 1, 1, 12);

    assertThat(series.size()).isEqualTo(2);
    assertThat(series.lastDay()).isEqualTo(15);
    assertThat(counts(series, 10, 15)).containsExactly(0, 0, 5, 0, 0, 1);
    assertThat(counts(series, 13, 14)).containsExactly(0, 0);
  }

  @Test
  void refusesADayThatIsNotAfterTheLast() {
    KeywordSeries series = KeywordSeries.empty().append(10, 2, 2, 0);

    assertThatThrownBy(() -> series.append(10, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(KeywordSeries.empty().lastDay()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void survivesItsStoredForm() {
    Serde<KeywordSeries> serde = KeywordSeries.serde();
    KeywordSeries series = KeywordSeries.empty().append(20_500, 3, 1, 0).append(20_501, 40, 38, 0);

    KeywordSeries read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", series));

    assertThat(counts(read, 20_499, 20_501)).containsExactly(0, 3, 40);
    assertThat(ends(read, 20_499, 20_501)).containsExactly(0, 1, 38);
    assertThat(read.lastDay()).isEqualTo(20_501);
  }

  @Test
  void aSeriesStoredBeforeTheEndsWereCountedReadsAsIfEveryPaperEndedThePhrase() {
    // The form before: the number of days, then each day and its papers.
    byte[] before = java.nio.ByteBuffer.allocate(20).putInt(2).putInt(20_500).putInt(3).putInt(20_501).putInt(40).array();

    KeywordSeries read = KeywordSeries.serde().deserializer().deserialize("t", before);

    assertThat(counts(read, 20_500, 20_501)).containsExactly(3, 40);
    assertThat(ends(read, 20_500, 20_501)).containsExactly(3, 40);
    assertThat(read.append(20_502, 5, 0, 0).lastDay()).isEqualTo(20_502);
  }

  private static long[] ends(KeywordSeries series, long first, long last) {
    long[] out = new long[(int) (last - first + 1)];
    series.addEndsTo(out, first, last);
    return out;
  }
}
