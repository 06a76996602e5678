package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RankMessageTest {
  private static final PaperSummary PAPER = new PaperSummary("2506.01234", "Qwen3 agents", List.of("Zoë Müller"), "We study agents.",
      null, List.of("Machine Learning"), 20_250, null, 3, List.of("qwen3", "agent"), false);
  private static final List<RankMessage> EVERY_KIND = List.of(
      RankMessage.keyword(-1, 20_250, "P7D", "qwen3", "Qwen3", 2.75, 3.5e-7),
      RankMessage.closed(2, 20_250, List.of(4_100L, 310L, 900L, 80L, 700L, 65L)),
      RankMessage.entry(1, 20_250, PaperWindow.P7D, PAPER,
          new TrendingScore.Scored(4.5, List.of(new TrendingScore.Share("qwen3", "Qwen3", 1.46), new TrendingScore.Share("agent", "agents", 0.5)))),
      RankMessage.done(0, 20_250),
      RankMessage.top(1, 20_250, PaperWindow.P1D, List.of(
          RankMessage.entry(1, 20_250, PaperWindow.P1D, PAPER, new TrendingScore.Scored(4.5, List.of(new TrendingScore.Share("qwen3", "Qwen3", 1.46)))),
          RankMessage.entry(1, 20_250, PaperWindow.P1D, PAPER, new TrendingScore.Scored(1.5, List.of())))));

  @Test
  void aPartitionsBestPapersOfAWindowAreOneMessageWithoutTheirTerms() {
    RankMessage top = EVERY_KIND.get(4);
    assertThat(top.entries()).hasSize(2).allSatisfy(e -> assertThat(e.paper().terms()).isEmpty());
    assertThat(RankMessage.fromBytes(RankMessage.toBytes(top)).entries()).extracting(RankMessage::score).containsExactly(4.5, 1.5);
  }

  @Test
  void bestPapersThatAreLargeGoInSeveralMessagesInTheirOrder() {
    List<RankMessage> entries = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(RankMessage.entry(1, 20_250, PaperWindow.P7D, PAPER, new TrendingScore.Scored(10 - i, List.of())));
    }
    int one = RankMessage.toBytes(entries.get(0).withoutTerms()).length + Integer.BYTES;
    List<RankMessage> tops = RankMessage.tops(1, 20_250, PaperWindow.P7D, entries, 3 * one);
    assertThat(tops).hasSize(4).allSatisfy(t -> assertThat(t.entries()).hasSizeLessThanOrEqualTo(3));
    assertThat(tops).flatMap(RankMessage::entries).extracting(RankMessage::score)
        .containsExactly(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0);
    assertThat(RankMessage.tops(1, 20_250, PaperWindow.P7D, entries, 1_000_000)).hasSize(1);
    assertThat(RankMessage.tops(1, 20_250, PaperWindow.P7D, List.of(), 1_000)).singleElement()
        .satisfies(t -> assertThat(t.entries()).isEmpty());
  }

  @Test
  void bestPapersHoldingAnythingButPapersAreRejected() {
    RankMessage top = EVERY_KIND.get(4);
    RankMessage nested = new RankMessage(RankMessage.Kind.TOP, 1, 20_250, "P1D", null, null, 0, null, List.of(), List.of(top), 0, List.of());
    assertThatThrownBy(() -> RankMessage.fromBytes(RankMessage.toBytes(nested))).isInstanceOf(SerializationException.class)
        .hasMessageContaining("something else than a paper");
  }

  @Test
  void everyKindReadsBackAsWritten() {
    for (RankMessage m : EVERY_KIND) {
      assertThat(RankMessage.fromBytes(RankMessage.toBytes(m))).isEqualTo(m);
    }
  }

  @Test
  void theBinaryFormBeforeTheTestsStillReads() {
    for (RankMessage m : List.of(RankMessage.keyword(-1, 20_250, "P7D", "qwen3", "Qwen3", 2.75, 0), RankMessage.closed(2, 20_250, List.of()))) {
      byte[] now = RankMessage.toBytes(m);
      byte[] before = Arrays.copyOf(now, now.length - Double.BYTES - Integer.BYTES); // no p-value, no tests
      before[0] = 1;
      assertThat(RankMessage.fromBytes(before)).isEqualTo(m);
    }
  }

  @Test
  void theJsonThatEarlierVersionsWroteStillReads() {
    for (RankMessage m : EVERY_KIND) {
      assertThat(RankMessage.fromBytes(Json.write(m))).isEqualTo(m);
    }
  }

  @Test
  void bytesOfAnythingElseAreRejectedWithTheReason() {
    assertThatThrownBy(() -> RankMessage.fromBytes(new byte[] {9, 0})).isInstanceOf(SerializationException.class)
        .hasMessageContaining("format byte 9");
    assertThatThrownBy(() -> RankMessage.fromBytes(new byte[] {1, 7})).isInstanceOf(SerializationException.class)
        .hasMessageContaining("kind 7");
    byte[] entry = RankMessage.toBytes(EVERY_KIND.get(2));
    byte[] top = RankMessage.toBytes(EVERY_KIND.get(4));
    for (byte[] message : List.of(entry, top)) {
      for (int cut : new int[] {3, message.length / 2, message.length - 1}) {
        assertThatThrownBy(() -> RankMessage.fromBytes(Arrays.copyOf(message, cut))).isInstanceOf(SerializationException.class)
            .hasMessageContaining("cannot read a ranking message");
      }
    }
  }
}
