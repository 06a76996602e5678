package io.paperpulse.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing and replaying against Kafka's MockProducer: order, date range, and counts. */
class PublishJobTest {
  private static final Serializer<Paper> NOT_SERIALIZED = (topic, paper) -> new byte[0];

  private final MockProducer<String, Paper> producer = new MockProducer<>(true, null, new StringSerializer(), NOT_SERIALIZED);
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  private PublishJob job(PaperPublisher publisher) {
    return new PublishJob(new FeedReader(ParseOptions.defaults()), publisher, new PrintStream(errors, true, StandardCharsets.UTF_8), Progress.none());
  }

  /** Three daily files, written newest first on purpose, with one bad line and one repeated id. */
  private static List<Path> days(Path dir) throws Exception {
    Files.writeString(dir.resolve("2025-04-03.jsonl"),
        "{\"id\": \"2504.00003\", \"title\": \"Third\"}\n{\"id\": \"2504.00001\", \"title\": \"First again\"}\n");
    Files.writeString(dir.resolve("2025-04-01.jsonl"), "{\"id\": \"2504.00001\", \"title\": \"First\"}\nnot json\n");
    Files.writeString(dir.resolve("2025-04-02.jsonl"), "{\"id\": \"2504.00002\", \"title\": \"Second\"}\n");
    return List.of(dir.resolve("2025-04-03.jsonl"), dir.resolve("2025-04-01.jsonl"), dir.resolve("2025-04-02.jsonl"));
  }

  @Test
  void replayPublishesInEventTimeOrderWithRecordTimestampsAtEventTime(@TempDir Path dir) throws Exception {
    PublishSummary summary;
    try (PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      summary = job(publisher).replay(days(dir), PublishJob.ReplayOptions.fastest());
    }

    List<ProducerRecord<String, Paper>> sent = producer.history();
    assertThat(sent).extracting(ProducerRecord::key).containsExactly("2504.00001", "2504.00002", "2504.00003");
    assertThat(sent).extracting(ProducerRecord::timestamp).containsExactly(
        Instant.parse("2025-04-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2025-04-02T00:00:00Z").toEpochMilli(),
        Instant.parse("2025-04-03T00:00:00Z").toEpochMilli());
    assertThat(summary).isEqualTo(new PublishSummary(5, 3, 1, 1, 0, 0));
    assertThat(summary.complete()).isTrue();
    assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith(dir.resolve("2025-04-01.jsonl") + ":2: invalid JSON");
  }

  @Test
  void publishKeepsFileOrderAndTheFirstCopyOfAnId(@TempDir Path dir) throws Exception {
    try (PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      job(publisher).publish(days(dir));
    }

    assertThat(producer.history()).extracting(r -> r.value().getTitle()).containsExactly("Third", "First again", "Second");
  }

  @Test
  void theDateRangeIsInclusiveAndWhatFallsOutsideIsCounted(@TempDir Path dir) throws Exception {
    PublishSummary summary = replayDay(dir, LocalDate.of(2025, 4, 2));

    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("2504.00002");
    // The bad line of 2025-04-01 lies outside the range too: skipped, not rejected.
    assertThat(summary.skipped()).isEqualTo(4);
    assertThat(summary.rejected()).isZero();
    assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(summary.read()).isEqualTo(summary.published() + summary.duplicates() + summary.rejected() + summary.skipped());
  }

  @Test
  void aBadRecordOfADayInTheRangeIsStillRejected(@TempDir Path dir) throws Exception {
    PublishSummary summary = replayDay(dir, LocalDate.of(2025, 4, 1));

    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("2504.00001");
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.skipped()).isEqualTo(3);
    assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith(dir.resolve("2025-04-01.jsonl") + ":2: invalid JSON");
  }

  /** The replay of {@link #days} limited to {@code day}, as fast as it goes. */
  private PublishSummary replayDay(Path dir, LocalDate day) throws Exception {
    try (PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      return job(publisher).replay(days(dir), new PublishJob.ReplayOptions(day, day, 0));
    }
  }

  @Test
  void aTimeScaledReplayWaitsForEventTimeToPass(@TempDir Path dir) throws Exception {
    long start = System.nanoTime();
    try (PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      // Two days of event time at 4 days a second: about half a second.
      job(publisher).replay(days(dir), new PublishJob.ReplayOptions(null, null, 4 * 86_400));
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(producer.history()).hasSize(3);
    assertThat(seconds).isGreaterThanOrEqualTo(0.5);
  }
}
