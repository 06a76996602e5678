package io.paperpulse.streams.keywordtrends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class KeywordDayTest {
  private static KeywordDay written(String... forms) {
    KeywordDay day = new KeywordDay(1, forms[0], new ArrayList<>(List.of("2506.00001")));
    for (int i = 1; i < forms.length; i++) {
      day.setCount(day.getCount() + 1);
      day.addForm(forms[i]);
    }
    return day;
  }

  @Test
  void theLabelIsTheFormMostPapersWroteWhateverTheOrder() {
    assertThat(written("Turn", "turn", "turn").getLabel()).isEqualTo("turn");
    assertThat(written("turn", "turn", "Turn").getLabel()).isEqualTo("turn");
    assertThat(written("NeurIPS", "neurips", "NeurIPS").getLabel()).isEqualTo("NeurIPS");
  }

  @Test
  void aTieGoesToTheAlphabeticallyFirstForm() {
    assertThat(written("llms", "LLMs").getLabel()).isEqualTo("LLMs");
    assertThat(written("LLMs", "llms").getLabel()).isEqualTo("LLMs");
  }

  @Test
  void survivesItsStoredForm() {
    Serde<KeywordDay> serde = KeywordDay.serde();
    KeywordDay day = written("Qwen3", "qwen3", "Qwen3");

    KeywordDay read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", day));
    read.addForm("qwen3");
    read.addForm("qwen3");

    assertThat(read.getCount()).isEqualTo(3);
    assertThat(read.getSamples()).containsExactly("2506.00001");
    assertThat(read.getLabel()).isEqualTo("qwen3");
  }

  @Test
  void keepsThePapersThatEndThePhraseAndReadsARecordWrittenBeforeThemAsAllEnding() {
    Serde<KeywordDay> serde = KeywordDay.serde();
    KeywordDay day = written("large language", "large language", "large language");
    day.countEnd();

    byte[] now = serde.serializer().serialize("t", day);
    KeywordDay read = serde.deserializer().deserialize("t", now);
    java.nio.ByteBuffer old = java.nio.ByteBuffer.allocate(now.length - Long.BYTES); // the count, then forms and samples
    old.putLong(3).put(now, 2 * Long.BYTES, now.length - 2 * Long.BYTES);
    KeywordDay before = serde.deserializer().deserialize("t", old.array());

    assertThat(read.getCount()).isEqualTo(3);
    assertThat(read.getEnds()).isEqualTo(1);
    assertThat(before.getCount()).isEqualTo(3);
    assertThat(before.getEnds()).isEqualTo(3);
    assertThat(before.getLabel()).isEqualTo("large language");
  }
}
