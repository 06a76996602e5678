package io.paperpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
  private static Path fakeHome(Path dir, String version) throws Exception {
    Files.createDirectories(dir.resolve("bin"));
    Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(dir.resolve("bin/java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  @Test
  void takesTheHomeNamedInTheEnvironment(@TempDir Path dir) throws Exception {
    Path home = fakeHome(dir, "25.0.1");

    assertThat(JavaRuntimes.find(21, Map.of(JavaRuntimes.REGISTRY_JAVA_HOME, home.toString())))
        .isEqualTo(home.resolve("bin/java"));
  }

  @Test
  void refusesANamedHomeThatIsTooOldAndSaysWhatItFound(@TempDir Path dir) throws Exception {
    Path home = fakeHome(dir, "17.0.15");

    assertThatThrownBy(() -> JavaRuntimes.find(21, Map.of(JavaRuntimes.REGISTRY_JAVA_HOME, home.toString())))
        .isInstanceOf(LocalStackException.class)
        .hasMessage(JavaRuntimes.REGISTRY_JAVA_HOME + "=" + home + " is not a Java 21+ home (found Java 17)");
  }

  @Test
  void whenNoneIsFoundTheErrorSaysWhatToInstall() {
    assertThatThrownBy(() -> JavaRuntimes.find(999, Map.of()))
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("needs Java 999 or newer")
        .hasMessageContaining("apt-get install openjdk-999-jre-headless")
        .hasMessageContaining(JavaRuntimes.REGISTRY_JAVA_HOME);
  }
}
