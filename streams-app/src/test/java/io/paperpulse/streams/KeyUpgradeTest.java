package io.paperpulse.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.Watch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyUpgradeTest {
  private static Watch watch(String phrase, int minCount) {
    return Watch.newBuilder().setKeyword(phrase).setMinCount(minCount).build();
  }

  private static Subscription subscription(String email, String... keywords) {
    return Subscription.newBuilder().setEmail(email).setKeywords(List.of(keywords)).setCreated(Instant.EPOCH).build();
  }

  @Test
  void aWatchMovesToTheKeyOfItsPhraseAndItsOldKeyIsRemoved() {
    Map<String, Watch> table = new LinkedHashMap<>();
    table.put("chain-of-thought", watch("Chain-of-Thought", 7));
    table.put("kv-cach", watch("KV-caches", 4));
    table.put("gpt-5", watch("GPT-5", 3));
    table.put("diffusion model", watch("Diffusion Models", 3));

    Map<String, Watch> writes = KeyUpgrade.watchWrites(table);

    assertThat(writes).containsOnlyKeys("chain of thought", "chain-of-thought", "kv cache", "kv-cach");
    assertThat(writes.get("chain of thought").getMinCount()).isEqualTo(7);
    assertThat(writes.get("kv cache").getMinCount()).isEqualTo(4);
    assertThat(writes.get("chain-of-thought")).isNull();
    assertThat(writes.get("kv-cach")).isNull();
  }

  @Test
  void aWatchAlreadyUnderTheNewKeyStaysAndTheOldOneIsOnlyRemoved() {
    Map<String, Watch> table = new LinkedHashMap<>();
    table.put("chain-of-thought", watch("chain-of-thought", 7));
    table.put("chain of thought", watch("chain of thought", 9));

    Map<String, Watch> writes = KeyUpgrade.watchWrites(table);

    assertThat(writes).containsOnlyKeys("chain-of-thought");
    assertThat(writes.get("chain-of-thought")).isNull();
    assertThat(KeyUpgrade.watchWrites(Map.of("chain of thought", watch("chain of thought", 9)))).isEmpty();
  }

  @Test
  void aSubscriptionsHyphenatedKeysAreWrittenApartOnceAndNamesWithDigitsKeepTheirHyphen() {
    Map<String, Subscription> table = new LinkedHashMap<>();
    table.put("a@example.org", subscription("a@example.org", "chain-of-thought", "gpt-5", "chain of thought", "deepseek-r1"));
    table.put("b@example.org", subscription("b@example.org", "diffusion model"));

    Map<String, Subscription> writes = KeyUpgrade.subscriptionWrites(table);

    assertThat(writes).containsOnlyKeys("a@example.org");
    assertThat(writes.get("a@example.org").getKeywords()).containsExactly("chain of thought", "gpt-5", "deepseek-r1");
    assertThat(KeyUpgrade.rekeyHyphenated("self-supervised vision-language model")).isEqualTo("self supervised vision language model");
    assertThat(KeyUpgrade.rekeyHyphenated("qwen2.5-vl")).isEqualTo("qwen2.5-vl");
    assertThat(KeyUpgrade.rekeyHyphenated("kv-caches mips")).as("only the hyphenated word is keyed again").isEqualTo("kv cache mips");
  }

  @Test
  void anAcronymOfTheTableMovesToItsPhraseInWatchesAndSubscriptions() {
    Map<String, Watch> watches = KeyUpgrade.watchWrites(Map.of("llm", watch("LLMs", 5)));
    Map<String, Subscription> subscriptions =
        KeyUpgrade.subscriptionWrites(Map.of("a@example.org", subscription("a@example.org", "llm", "large language model", "sam")));

    assertThat(watches).containsOnlyKeys("large language model", "llm");
    assertThat(watches.get("large language model").getMinCount()).isEqualTo(5);
    assertThat(subscriptions.get("a@example.org").getKeywords()).containsExactly("large language model", "sam");
    assertThat(KeyUpgrade.subscriptionWrites(subscriptions)).as("moved once").isEmpty();
    assertThat(KeyUpgrade.watchWrites(Map.of("large language model", watches.get("large language model")))).as("moved once").isEmpty();
  }

  @Test
  void anAcronymsWatchMeetingAWatchOfItsPhraseIsDroppedAndThePhrasesStays() {
    Map<String, Watch> table = new LinkedHashMap<>();
    table.put("llm", watch("LLM", 5));
    table.put("large language model", watch("large language models", 9));

    Map<String, Watch> writes = KeyUpgrade.watchWrites(table);

    assertThat(writes).containsOnlyKeys("llm");
    assertThat(writes.get("llm")).isNull();
  }
}
