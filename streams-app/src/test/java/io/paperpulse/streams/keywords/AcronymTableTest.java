package io.paperpulse.streams.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AcronymTableTest {
  private static void define(AcronymTable.Builder builder, int papers, String definition) {
    for (int i = 0; i < papers; i++) {
      builder.add("", "We study " + definition + " in paper " + i + ".");
    }
  }

  @Test
  void anAcronymIsInTheTableWhenTwentyPapersDefineItAndNineInTenOneWay() {
    AcronymTable.Builder builder = new AcronymTable.Builder();
    define(builder, 18, "Sparse Token Routers (STR)");
    define(builder, 2, "spectral transfer rules (STR)");
    define(builder, 19, "graph kernel networks (GKN)");
    define(builder, 17, "dense patch codes (DPC)");
    define(builder, 3, "diffusion prior classifiers (DPC)");

    AcronymTable table = builder.build();

    assertThat(table.get("str")).isEqualTo(new AcronymTable.Expansion("sparse token router", "sparse token routers"));
    assertThat(table.get("gkn")).as("19 papers").isNull();
    assertThat(table.get("dpc")).as("17 of 20 one way").isNull();
    assertThat(table.fold("str")).isEqualTo("sparse token router");
    assertThat(table.fold("gkn")).isEqualTo("gkn");
  }

  @Test
  void phrasesThatDifferOnlyInTheirSpacesAreOneWay() {
    AcronymTable.Builder builder = new AcronymTable.Builder();
    define(builder, 10, "contrastive language-image pre-training (CLIP)");
    define(builder, 10, "contrastive language-image pretraining (CLIP)");

    assertThat(builder.build().get("clip").key()).isEqualTo("contrastive language image pre train");
  }

  @Test
  void aDefinitionWhoseInitialsDoNotSpellTheAcronymCountsAgainstIt() {
    AcronymTable.Builder builder = new AcronymTable.Builder();
    define(builder, 30, "proximal policy optimization (PPO)"); // read as "policy optimization"

    assertThat(builder.build().get("ppo")).isNull();
    assertThat(AcronymTable.initialsSpell("PPO", "policy optimization")).isFalse();
    assertThat(AcronymTable.initialsSpell("LiDAR", "light detection and ranging")).isTrue();
    assertThat(AcronymTable.initialsSpell("3DGS", "3d gaussian splatting")).isTrue();
    assertThat(AcronymTable.initialsSpell("MoE", "mixture-of-experts")).isTrue();
    assertThat(AcronymTable.initialsSpell("US", "ultrasound")).isFalse();
  }

  @Test
  void theWrittenTableReadsBackAndABadLineIsNamed() throws IOException {
    AcronymTable.Builder builder = new AcronymTable.Builder();
    define(builder, 20, "Sparse Token Routers (STR)");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    builder.build().write(out);

    AcronymTable read = AcronymTable.read(new ByteArrayInputStream(out.toByteArray()));

    assertThat(read.size()).isEqualTo(1);
    assertThat(read.get("str")).isEqualTo(builder.build().get("str"));
    assertThatThrownBy(() -> AcronymTable.read(new ByteArrayInputStream("# table\nstr\tonly two\n".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> AcronymTable.read(new ByteArrayInputStream("ab\tcd\tcd\ncd\tef gh\tef gh\n".getBytes(StandardCharsets.UTF_8))))
        .as("a chain: folding once would not be final").hasMessageContaining("'ab' folds to 'cd'");
  }

  @Test
  void anAcronymOfTwoWordsIsNotInTheTable() {
    AcronymTable.Builder builder = new AcronymTable.Builder();
    define(builder, 30, "Video Large Language Models (Video-LLMs)");

    assertThat(builder.build().size()).isZero();
  }

  @Test
  void theBundledTableFoldsTheAcronymsTheFieldUses() {
    AcronymTable table = AcronymTable.bundled();

    assertThat(table.get("llm")).isEqualTo(new AcronymTable.Expansion("large language model", "large language models"));
    assertThat(table.fold("rl")).isEqualTo("reinforcement learn");
    assertThat(table.get("ppo")).isNull();
    assertThat(table.get("asr")).as("automatic speech recognition or attack success rate").isNull();
  }
}
