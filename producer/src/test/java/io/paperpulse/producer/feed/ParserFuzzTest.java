package io.paperpulse.producer.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Paper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of every parser: whatever the bytes, reading a file either yields papers,
 * rejections with a reason, or one FeedException with a message naming the file. No other
 * exception, ever. Inputs are real samples mutated (bytes flipped, cut, spliced) and random text.
 */
@Tag("fuzz")
class ParserFuzzTest {
  private static final List<byte[]> SAMPLES = samples();
  /** Characters that matter to the formats' syntax, to splice in. */
  private static final String SYNTAX = "<>{}[]\"'&;\n\\$/=";

  private static List<byte[]> samples() {
    List<byte[]> samples = new ArrayList<>();
    for (String name : List.of(
        "listing/trending-mar21.txt", "arxiv-api/single-2104.12255v1.xml", "arxiv-api/error-incorrect-id.xml",
        "arxiv-daily/2025-03-18.jsonl", "hf-daily/quirk-repr-data-2025-01-10.json", "oai-pmh/arXivRaw-first-25.xml")) {
      try {
        byte[] all = Files.readAllBytes(Feeds.resource(name));
        samples.add(java.util.Arrays.copyOf(all, Math.min(all.length, 6_000)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return samples;
  }

  @Provide
  Arbitrary<byte[]> mutatedSamples() {
    return Arbitraries.integers().between(0, SAMPLES.size() - 1).flatMap(i -> {
      byte[] sample = SAMPLES.get(i);
      return Arbitraries.integers().between(0, 30).list().ofMaxSize(12).flatMap(ops ->
          Arbitraries.integers().between(0, sample.length).list().ofSize(ops.size()).map(positions -> {
            byte[] bytes = sample.clone();
            for (int k = 0; k < ops.size(); k++) {
              int at = Math.min(positions.get(k), bytes.length - 1);
              if (bytes.length == 0) {
                break;
              }
              switch (ops.get(k) % 4) {
                case 0 -> bytes[at] = (byte) (bytes[at] ^ (1 << (ops.get(k) % 8)));
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 2 -> bytes[at] = (byte) SYNTAX.charAt(ops.get(k) % SYNTAX.length());
                default -> bytes[at] = (byte) 0xC3;
              }
            }
            return bytes;
          }));
    });
  }

  @Property(tries = 400)
  void mutatedRealFeedsParseOrAreRejectedWithAReason(@ForAll("mutatedSamples") byte[] bytes) throws Exception {
    assertReadsCleanly(bytes, "2025-03-18.jsonl");
    assertReadsCleanly(bytes, "feed.txt");
  }

  @Property(tries = 300)
  void randomTextParsesOrIsRejectedWithAReason(@ForAll String text) throws Exception {
    assertReadsCleanly(text.getBytes(StandardCharsets.UTF_8), "input");
    assertReadsCleanly(("<feed>" + text).getBytes(StandardCharsets.UTF_8), "input.xml");
    assertReadsCleanly(("[" + text).getBytes(StandardCharsets.UTF_8), "input.json");
    assertReadsCleanly(("Mar 1\n\n" + text).getBytes(StandardCharsets.UTF_8), "listing.txt");
  }

  private static void assertReadsCleanly(byte[] bytes, String name) throws Exception {
    Path dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    List<Paper> papers = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    try {
      new FeedReader(Feeds.OPTIONS).read(file, new ParseListener() {
        @Override
        public void paper(Paper paper, String location) {
          papers.add(paper);
        }

        @Override
        public void rejected(Rejection rejection) {
          rejections.add(rejection);
        }
      });
      assertThat(rejections).allSatisfy(r -> {
        assertThat(r.file()).isEqualTo(file.toString());
        assertThat(r.reason()).isNotBlank();
      });
      assertThat(papers).allSatisfy(p -> assertThat(p.getTitle()).isNotBlank());
    } catch (FeedException e) {
      assertThat(e.getMessage()).isNotBlank();
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
  }

  @Test
  void aHundredMegabyteSingleLineAbstractIsRejectedInBoundedMemory() throws Exception {
    Path dir = Files.createTempDirectory("huge");
    Path file = dir.resolve("2025-03-18.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"id\": \"2503.00001\", \"title\": \"Huge\", \"summary\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "abstract ".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 100L << 20; written += chunk.length) {
        out.write(chunk);
      }
      out.write("\"}\n{\"id\": \"2503.00002\", \"title\": \"Small\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Feeds.Result result = Feeds.read(file);

    assertThat(result.papers()).extracting(Paper::getId).containsExactly("2503.00002");
    assertThat(result.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("line too long"));
    // The same in a JVM with a 48 MB heap: the line is skipped as it streams by, never held.
    Process small = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
            "-cp", System.getProperty("java.class.path"), CountPapers.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    String output = new String(small.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(small.waitFor()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("1 1");
    Files.delete(file);
    Files.delete(dir);
  }
}
