package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PaperSummaryTest {
  private static final PaperSummary PAPER = new PaperSummary("2506.01234", "Qwen3 agents — a study of \"tools\"",
      List.of("Ada Lovelace", "Zoë Müller"), "We study agents.", "https://arxiv.org/abs/2506.01234",
      List.of("Machine Learning"), 20_250, 42, 2, List.of("qwen3", "agent", "tool use"), false);

  @Test
  void aSummaryReadsBackAsWritten() {
    assertThat(PaperSummary.fromBytes(PaperSummary.toBytes(PAPER))).isEqualTo(PAPER);
    PaperSummary sparse = new PaperSummary("x", "Untitled", List.of(), "", null, List.of(), 1, null, 1, List.of(), true);
    assertThat(PaperSummary.fromBytes(PaperSummary.toBytes(sparse))).isEqualTo(sparse);
  }

  @Test
  void theJsonThatEarlierVersionsWroteStillReads() {
    assertThat(PaperSummary.fromBytes(Json.write(PAPER))).isEqualTo(PAPER);
  }

  @Test
  void bytesOfAnythingElseAreRejectedWithTheReason() {
    assertThatThrownBy(() -> PaperSummary.fromBytes(new byte[] {7, 1, 2})).isInstanceOf(SerializationException.class)
        .hasMessageContaining("format byte 7");
    byte[] cut = PaperSummary.toBytes(PAPER);
    assertThatThrownBy(() -> PaperSummary.fromBytes(java.util.Arrays.copyOf(cut, cut.length / 2)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("cannot read a paper summary");
  }
}
