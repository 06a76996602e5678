package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {
  @Test
  void doesNotReadExternalEntities(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    Path file = dir.resolve("xxe.xml");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2501.00001</id>"
            + "<title>&xxe;</title><published>2025-01-01T00:00:00Z</published></entry></feed>");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("malformed or unsafe XML")
        .hasMessageNotContaining("TOP-SECRET-VALUE");
  }

  @Test
  void doesNotExpandNestedEntities(@TempDir Path dir) throws Exception {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE OAI-PMH [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    Path file = dir.resolve("laughs.xml");
    Files.writeString(
        file,
        dtd + "]>\n<OAI-PMH><ListRecords><record><metadata><arXivRaw><id>0801.0001</id>"
            + "<title>&l9;</title></arXivRaw></metadata></record></ListRecords></OAI-PMH>");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessageContaining("malformed or unsafe XML");
  }

  @Test
  void invalidUtf8InXmlNamesTheFileAndPrintsNothingElse(@TempDir Path dir) throws Exception {
    Path file = Feeds.withInvalidUtf8(dir.resolve("feed.xml"), "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><title>caf");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageEndingWith(": invalid UTF-8");
  }
}
