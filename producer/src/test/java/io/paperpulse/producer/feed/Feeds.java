package io.paperpulse.producer.feed;

import io.paperpulse.avro.Paper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads feed files and keeps what the parsers said. */
final class Feeds {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final ParseOptions OPTIONS =
      ParseOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

  /** Everything a parse produced. */
  record Result(List<Paper> papers, List<String> locations, List<Rejection> rejections) {}

  private Feeds() {}

  static Path resource(String name) {
    try {
      return Path.of(Feeds.class.getResource("/feeds/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code text} followed by an invalid UTF-8 sequence (0xC3 0x28) to {@code file}. */
  static Path withInvalidUtf8(Path file, String text) throws IOException {
    byte[] head = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    return java.nio.file.Files.write(file, bytes);
  }

  static Result read(Path file) throws IOException, FeedException {
    return read(file, OPTIONS);
  }

  static Result read(Path file, ParseOptions options) throws IOException, FeedException {
    Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    new FeedReader(options)
        .read(
            file,
            new ParseListener() {
              @Override
              public void paper(Paper paper, String location) {
                result.papers().add(paper);
                result.locations().add(location);
              }

              @Override
              public void rejected(Rejection rejection) {
                result.rejections().add(rejection);
              }
            });
    return result;
  }
}
