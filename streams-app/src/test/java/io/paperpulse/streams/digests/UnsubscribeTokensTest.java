package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsubscribeTokensTest {
  private final UnsubscribeTokens tokens = new UnsubscribeTokens("a secret of enough bytes".getBytes(StandardCharsets.UTF_8));

  @Test
  void aTokenIsValidForItsAddressOnlyWhateverTheCase() {
    String token = tokens.tokenFor("ada@example.org");

    assertThat(tokens.valid("Ada@Example.org", token)).isTrue();
    assertThat(tokens.valid("bob@example.org", token)).isFalse();
    assertThat(tokens.valid("ada@example.org", token.substring(1))).isFalse();
    assertThat(tokens.valid("ada@example.org", "")).isFalse();
    assertThat(tokens.valid("ada@example.org", null)).isFalse();
  }

  @Test
  void anotherSecretGivesAnotherToken() {
    UnsubscribeTokens other = new UnsubscribeTokens("another secret, also long".getBytes(StandardCharsets.UTF_8));

    assertThat(other.tokenFor("ada@example.org")).isNotEqualTo(tokens.tokenFor("ada@example.org"));
    assertThat(other.valid("ada@example.org", tokens.tokenFor("ada@example.org"))).isFalse();
  }

  @Test
  void theLinkCarriesTheEncodedAddressAndToken() {
    assertThat(tokens.linkFor("http://localhost:8080/", "a+b@example.org"))
        .isEqualTo("http://localhost:8080/api/subscriptions/a%2Bb%40example.org/unsubscribe?token=" + tokens.tokenFor("a+b@example.org"));
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new UnsubscribeTokens(new byte[8])).hasMessageContaining("at least 16 bytes, not 8");
  }

  @Test
  void theVariableWinsElseASecretIsGeneratedOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
    UnsubscribeTokens fromEnv = UnsubscribeTokens.configured(Map.of(UnsubscribeTokens.SECRET_VARIABLE, "a secret of enough bytes"), dir);
    assertThat(fromEnv.tokenFor("a@b.io")).isEqualTo(tokens.tokenFor("a@b.io"));
    assertThat(dir.resolve(UnsubscribeTokens.SECRET_FILE)).doesNotExist();

    UnsubscribeTokens first = UnsubscribeTokens.configured(Map.of(), dir);
    UnsubscribeTokens again = UnsubscribeTokens.configured(Map.of(), dir);
    Path file = dir.resolve(UnsubscribeTokens.SECRET_FILE);
    assertThat(again.tokenFor("a@b.io")).isEqualTo(first.tokenFor("a@b.io")).isNotEqualTo(tokens.tokenFor("a@b.io"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }
}
