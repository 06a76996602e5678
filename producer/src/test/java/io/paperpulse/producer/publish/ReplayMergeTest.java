package io.paperpulse.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedException;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseListener;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.feed.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying by merging files: the order a sort of the whole input gives, the counts, the memory held. */
class ReplayMergeTest {
  private static final Serializer<Paper> NOT_SERIALIZED = (topic, paper) -> new byte[0];
  private static final ParseOptions OPTIONS =
      ParseOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  private final MockProducer<String, Paper> producer = new MockProducer<>(true, null, new StringSerializer(), NOT_SERIALIZED);
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  private PublishSummary replay(List<Path> files, PublishJob.ReplayOptions options) throws Exception {
    try (PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      return job(publisher).replay(files, options);
    }
  }

  private PublishJob job(PaperPublisher publisher) {
    return new PublishJob(new FeedReader(OPTIONS), publisher, new PrintStream(errors, true, StandardCharsets.UTF_8), Progress.none());
  }

  @Test
  void interleavedFilesArePublishedInTheOrderASortOfTheWholeInputGives(@TempDir Path dir) throws Exception {
    List<Path> files = List.of(
        daily(dir, "2025-04-03.jsonl", "2504.00004"),
        atom(dir, "a.xml", "2504.00021@2025-04-02T12:00:00Z", "2504.00011@2025-04-01T06:00:00Z",
            "2504.00031@2025-04-03T00:00:00Z", "2504.00010@2025-04-01T00:00:00Z"),
        daily(dir, "2025-04-01.jsonl", "2504.00001", "2504.00002"),
        gzip(daily(dir, "2025-04-02.jsonl", "2504.00003", "2504.00021")),
        atom(dir, "b.xml", "2504.00041@2025-04-02T00:00:00Z", "2504.00042@2025-04-01T18:00:00Z"));

    PublishSummary summary = replay(files, PublishJob.ReplayOptions.fastest());

    List<Paper> sent = producer.history().stream().map(ProducerRecord::value).toList();
    assertThat(sent).containsExactlyElementsOf(sortedFirstCopies(files));
    assertThat(sent).isSortedAccordingTo(Comparator.comparing(Paper::getPublished));
    // Equal times go in list order: a.xml before 2025-04-01, 2025-04-02 before b.xml, 2025-04-03 before a.xml.
    assertThat(sent).extracting(Paper::getId).containsExactly(
        "2504.00010", "2504.00001", "2504.00002", "2504.00011", "2504.00042",
        "2504.00003", "2504.00021", "2504.00041", "2504.00004", "2504.00031");
    assertThat(sent.get(6).getTitle()).isEqualTo("2025-04-02.jsonl 2504.00021");
    assertThat(summary).isEqualTo(new PublishSummary(11, 10, 1, 0, 0, 0));
  }

  @Test
  void rejectedRecordsAreReportedWithFileAndLineAndTheCountsAddUp(@TempDir Path dir) throws Exception {
    Path corrupt = Files.write(dir.resolve("2025-04-02.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
    Path day = Files.writeString(dir.resolve("2025-04-01.jsonl"),
        "{\"id\": \"2504.00001\", \"title\": \"A\"}\nnot json\n{\"title\": \"no id\"}\n{\"id\": \"2504.00002\", \"title\": \"B\"}\n");
    Path feed = Files.writeString(dir.resolve("feed.xml"), "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + entry("2504.00003", "2025-04-01T12:00:00Z") + "\n<entry><id>2504.00009</id><title>T</title></entry>\n"
        + entry("2504.00001", "2025-04-02T08:00:00Z") + "\n</feed>\n");
    Path later = daily(dir, "2025-04-05.jsonl", "2504.00005", "2504.00006");
    Path badName = daily(dir, "2025-13-01.jsonl", "2504.00007");

    PublishSummary summary = replay(List.of(corrupt, day, feed, later, badName),
        new PublishJob.ReplayOptions(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2), 0));

    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("2504.00001", "2504.00002", "2504.00003");
    assertThat(summary).isEqualTo(new PublishSummary(11, 3, 1, 5, 2, 0));
    assertThat(summary.complete()).isTrue();
    String reported = errors.toString(StandardCharsets.UTF_8);
    assertThat(reported.lines()).hasSize(5);
    assertThat(reported).contains(
        corrupt + ": corrupt gzip data",
        day + ":2: invalid JSON",
        day + ":3: missing id\n",
        feed + ":3: entry has no published time\n",
        badName + ": the file name holds an invalid date: 2025-13-01\n");
  }

  @Test
  void theMergeHoldsOneDailyFileAndTheOtherFeedsNotTheArchive(@TempDir Path dir) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int d = 0; d < 50; d++) {
      String[] ids = new String[20];
      for (int j = 0; j < ids.length; j++) {
        ids[j] = String.format("2501.%05d", d * 100 + j);
      }
      files.add(daily(dir, LocalDate.of(2025, 1, 1).plusDays(d) + ".jsonl", ids));
    }
    Collections.shuffle(files, new Random(7));
    files.add(atom(dir, "feed.xml", "2502.00001@2025-02-01T12:00:00Z", "2502.00002@2025-01-01T12:00:00Z", "2502.00003@2025-01-20T00:00:00Z"));
    PublishJob job;

    try (PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      job = job(publisher);
      job.replay(files, PublishJob.ReplayOptions.fastest());
    }

    assertThat(producer.history()).hasSize(1_003);
    assertThat(producer.history()).extracting(ProducerRecord::value).containsExactlyElementsOf(sortedFirstCopies(files));
    assertThat(job.maxBuffered()).isBetween(20L, 23L);
  }

  @Test
  void theFirstPaperComesAfterReadingOneDailyFile(@TempDir Path dir) throws Exception {
    List<Path> files = List.of(
        daily(dir, "2025-04-02.jsonl", "2504.00002"),
        daily(dir, "2025-04-01.jsonl", "2504.00001"),
        daily(dir, "2025-04-03.jsonl", "2504.00003"));
    List<Path> loaded = new ArrayList<>();
    ReplayMerge merge = new ReplayMerge(files, file -> {
      loaded.add(file);
      return new ArrayList<>(read(file).stream().map(p -> new ReplayMerge.Located(p, file.toString())).toList());
    });

    assertThat(merge.next().paper().getId()).isEqualTo("2504.00001");
    assertThat(loaded).containsExactly(files.get(1));
    assertThat(merge.next().paper().getId()).isEqualTo("2504.00002");
    assertThat(merge.next().paper().getId()).isEqualTo("2504.00003");
    assertThat(merge.next()).isNull();
    assertThat(loaded).containsExactly(files.get(1), files.get(0), files.get(2));
    assertThat(merge.maxBuffered()).isEqualTo(1);
  }

  /** What the replay did before merging: every file read in list order, one stable sort, the first copy of each id. */
  private static List<Paper> sortedFirstCopies(List<Path> files) throws Exception {
    List<Paper> all = new ArrayList<>();
    for (Path file : files) {
      all.addAll(read(file));
    }
    all.sort(Comparator.comparing(Paper::getPublished));
    Set<String> seen = new HashSet<>();
    return all.stream().filter(p -> seen.add(p.getId())).toList();
  }

  private static List<Paper> read(Path file) throws IOException {
    List<Paper> papers = new ArrayList<>();
    ParseListener listener = new ParseListener() {
      @Override
      public void paper(Paper paper, String location) {
        papers.add(paper);
      }

      @Override
      public void rejected(Rejection rejection) {
        throw new AssertionError(rejection.toString());
      }
    };
    try {
      new FeedReader(OPTIONS).read(file, listener);
    } catch (FeedException e) {
      throw new AssertionError(e);
    }
    return papers;
  }

  /** A daily listing with one line per id, each titled by file and id. */
  private static Path daily(Path dir, String name, String... ids) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (String id : ids) {
      lines.append("{\"id\": \"").append(id).append("\", \"title\": \"").append(name).append(' ').append(id).append("\"}\n");
    }
    return Files.writeString(dir.resolve(name), lines);
  }

  /** An arXiv API feed with one entry a line, each given as {@code ID@PUBLISHED}. */
  private static Path atom(Path dir, String name, String... entries) throws Exception {
    StringBuilder xml = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    for (String entry : entries) {
      String[] parts = entry.split("@");
      xml.append(entry(parts[0], parts[1])).append('\n');
    }
    return Files.writeString(dir.resolve(name), xml.append("</feed>\n"));
  }

  private static String entry(String id, String published) {
    return "<entry><id>http://arxiv.org/abs/" + id + "v1</id><title>Atom " + id + "</title><published>" + published + "</published></entry>";
  }

  /** Replaces {@code file} by its gzip-compressed copy named {@code file.gz}. */
  private static Path gzip(Path file) throws Exception {
    Path gz = file.resolveSibling(file.getFileName() + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(file));
    }
    Files.delete(file);
    return gz;
  }
}
