package io.paperpulse.common.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class CausesTest {
  @Test
  void namesTheExceptionAndEveryCauseInOneLine() {
    Exception e = new IllegalStateException("send failed", new IOException("reset", new ConnectException("refused")));

    assertThat(Causes.describe(e))
        .isEqualTo("IllegalStateException: send failed (IOException: reset) (ConnectException: refused)");
  }

  @Test
  void forUsersTheMessageComesFirstWithoutItsType() {
    Exception e = new KafkaException("Failed to create new KafkaAdminClient", new ConfigException("No resolvable bootstrap urls"));

    assertThat(Causes.message(e)).isEqualTo("Failed to create new KafkaAdminClient (ConfigException: No resolvable bootstrap urls)");
  }

  @Test
  void aCauseAlreadySaidIsNotRepeated() {
    ConfigException root = new ConfigException("No resolvable bootstrap urls");
    Exception e = new KafkaException(root); // its message is the cause's toString()

    assertThat(Causes.describe(e)).isEqualTo("KafkaException: " + root);
  }

  @Test
  void anExceptionWithoutAMessageIsNamedByItsType() {
    Exception e = new IOException(new ConnectException());

    assertThat(Causes.message(new ConnectException())).isEqualTo("ConnectException");
    assertThat(Causes.describe(e)).isEqualTo("IOException: java.net.ConnectException");
    assertThat(Causes.describe(new RuntimeException(null, new ConnectException()))).isEqualTo("RuntimeException (ConnectException)");
  }

  @Test
  void aCycleOfCausesEnds() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);

    assertThat(Causes.describe(a)).isEqualTo("Exception: a (Exception: b)");
  }
}
