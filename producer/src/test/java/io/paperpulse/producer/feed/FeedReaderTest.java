package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTest {
  @Test
  void tellsEachFormatFromItsContent() throws Exception {
    assertThat(FeedFormat.detect("x", "<?xml version='1.0'?>\n<feed xmlns=\"...\">")).isEqualTo(FeedFormat.ARXIV_ATOM);
    assertThat(FeedFormat.detect("x", "<?xml version='1.0'?>\n<!-- c -->\n<OAI-PMH>")).isEqualTo(FeedFormat.OAI_PMH);
    assertThat(FeedFormat.detect("x", "\uFEFF[\n  {\"paper\": {}}")).isEqualTo(FeedFormat.HF_DAILY);
    assertThat(FeedFormat.detect("x", "{\n \"status\": \"success\"")).isEqualTo(FeedFormat.HF_DAILY);
    assertThat(FeedFormat.detect("x", "{\"id\": \"1\"}\n{\"id\": \"2\"}")).isEqualTo(FeedFormat.ARXIV_DAILY);
    assertThat(FeedFormat.detect("day.jsonl", "")).isEqualTo(FeedFormat.ARXIV_DAILY);
    assertThat(FeedFormat.detect("x", "new\n\nMar 21\n")).isEqualTo(FeedFormat.LISTING);
    assertThatThrownBy(() -> FeedFormat.detect("x", "<html><body>"))
        .hasMessage("unknown XML feed: root element <html>, expected <feed> or <OAI-PMH>");
    assertThatThrownBy(() -> FeedFormat.detect("x", "  \n")).hasMessage("empty input");
  }

  @Test
  void onlyADailyJsonLinesFileNamedByAnExistingDayIsDatedByItsName(@TempDir Path dir) throws Exception {
    assertThat(FeedReader.listingDayFromName(dir.resolve("2025-03-18.jsonl.gz"))).contains(LocalDate.of(2025, 3, 18));
    assertThat(FeedReader.listingDayFromName(dir.resolve("cs-2025-03-18.NDJSON"))).contains(LocalDate.of(2025, 3, 18));
    assertThat(FeedReader.listingDayFromName(dir.resolve("2025-03-18.xml"))).isEmpty();
    assertThat(FeedReader.listingDayFromName(dir.resolve("2025-03-18").resolve("day.jsonl"))).isEmpty();
    assertThat(FeedReader.listingDayFromName(dir.resolve("2025-02-30.jsonl"))).isEmpty();
    Path file = Files.writeString(dir.resolve("2025-03-18.jsonl"), "{\"id\": \"2503.00001\", \"title\": \"T\"}\n");
    assertThat(Feeds.read(file).papers()).extracting(p -> p.getPublished())
        .containsExactly(LocalDate.of(2025, 3, 18).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Test
  void readsGzipWhateverTheFileIsCalled(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("listing.bin");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("Mar 2\n\nTitle\n\nAbstract\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(Feeds.read(file).papers()).hasSize(1);
  }

  @Test
  void stopsAGzipBombAtTheLimit(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bomb.jsonl.gz");
    byte[] zeros = new byte[1 << 20];
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 64; i++) {
        out.write(zeros);
      }
    }
    assertThat(Files.size(file)).isLessThan(1 << 20);

    assertThatThrownBy(() -> Feeds.read(file, Feeds.OPTIONS.withMaxInputBytes(16L << 20)))
        .isInstanceOf(FeedException.class)
        .hasMessage("input is larger than 16777216 bytes after decompression");
  }

  @Test
  void aTruncatedGzipFileIsAClearError(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write("Mar 2\n\nTitle\n\nAbstract\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.txt.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> Feeds.read(cut))
        .isInstanceOf(FeedException.class)
        .hasMessageStartingWith("corrupt gzip data");
  }

  @Test
  void invalidUtf8NamesTheLine(@TempDir Path dir) throws Exception {
    Path file = Feeds.withInvalidUtf8(dir.resolve("listing.txt"), "Mar 2\n\nTitle\n\nAbstract ");

    assertThatThrownBy(() -> Feeds.read(file))
        .isInstanceOf(FeedException.class)
        .hasMessage(file + ":5: invalid UTF-8");
  }

  @Test
  void expandsDirectoriesInNameOrderAndSkipsHiddenFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("b/2.json"), "[]");
    Files.writeString(dir.resolve("a.json"), "[]");
    Files.writeString(dir.resolve(".hidden"), "x");

    assertThat(FeedReader.expand(List.of(dir)))
        .containsExactly(dir.resolve("a.json"), dir.resolve("b/2.json"));
    assertThatThrownBy(() -> FeedReader.expand(List.of(dir.resolve("missing"))))
        .isInstanceOf(NoSuchFileException.class);
  }
}
