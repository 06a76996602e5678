package io.paperpulse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Watch;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void everyDeclaredTopicIsInTheListOfAllOnceUnderItsOwnName() throws IllegalAccessException {
    List<Topic<?, ?>> declared = new ArrayList<>();
    for (Field field : Topics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
        declared.add((Topic<?, ?>) field.get(null));
      }
    }

    assertThat(Topics.ALL).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
  }

  @Test
  void onlyTheTablesAreCompacted() {
    assertThat(Topics.ALL).filteredOn(Topic::isCompacted).containsExactly(Topics.WATCHLIST, Topics.TRENDING_PAPERS_OPEN, Topics.SUBSCRIPTIONS, Topics.DIGESTS_SENT);
    assertThat(Topics.WATCHLIST.name()).isEqualTo("watchlist.keywords");
  }

  @Test
  void aTopicsValuesRoundTripThroughItsSerde() {
    Watch watch = Watch.newBuilder().setKeyword("Vision Transformer").build();
    var serde = Topics.WATCHLIST.valueSerde(TopicSerdes.plain());

    byte[] bytes = serde.serializer().serialize(Topics.WATCHLIST.name(), watch);

    assertThat(serde.deserializer().deserialize(Topics.WATCHLIST.name(), bytes)).isEqualTo(watch);
    assertThat(Topics.PAPERS_DLQ.valueSerde(TopicSerdes.plain()).serializer().serialize("t", new byte[] {1, 2}))
        .containsExactly(1, 2);
    assertThat(Topics.PAPERS.keySerde().deserializer().deserialize("t", "2501.00001".getBytes()))
        .isEqualTo("2501.00001");
  }

  @Test
  void aTopicWithoutANameIsRefused() {
    assertThatThrownBy(() -> Topic.avro(" ", Watch.class)).hasMessageContaining("a topic needs a name");
    assertThatThrownBy(() -> Topic.bytes(null)).hasMessageContaining("a topic needs a name");
  }
}
