package io.paperpulse.streams.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SortableKeyTest {
  @Test
  void numbersAreWrittenAsTheZeroPaddedFormatWritesThem() {
    SortableKey key = new SortableKey(8, '/');
    for (long n : new long[] {0, 7, 20_250, 12_345_678, 123_456_789, -1, -20_250, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(key.number(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%08d", n));
    }
  }

  @Test
  void keysSortByTheirNumberThenTheRest() {
    SortableKey key = new SortableKey(13, '|');
    List<String> keys = new ArrayList<>(List.of(key.of(1_700_000_000_000L, "b"), key.of(99_000, "z"), key.of(1_700_000_000_000L, "a")));
    keys.sort(null);

    assertThat(keys).containsExactly("0000000099000|z", "1700000000000|a", "1700000000000|b");
  }

  @Test
  void aKeyGivesBackItsNumberAndItsRestEvenWhenTheRestHoldsTheSeparator() {
    SortableKey key = new SortableKey(7, '|');
    String written = key.of(20_250, "2501.00001|");

    assertThat(written).isEqualTo("0020250|2501.00001|");
    assertThat(key.numberOf(written)).isEqualTo(20_250);
    assertThat(key.restOf(written)).isEqualTo("2501.00001|");
    assertThat(key.of(5, "")).isEqualTo("0000005|");
  }

  @Test
  void aKeyOfAnotherShapeOrAnImpossibleWidthIsRefusedByName() {
    SortableKey key = new SortableKey(8, '/');
    assertThatThrownBy(() -> key.numberOf("00020250|x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'00020250|x'");
    assertThatThrownBy(() -> new SortableKey(0, '|')).hasMessageContaining("not 0");
    assertThatThrownBy(() -> new SortableKey(20, '|')).hasMessageContaining("not 20");
  }
}
