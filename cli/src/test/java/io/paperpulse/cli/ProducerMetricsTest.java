package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Paper;
import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.Progress;
import io.paperpulse.producer.publish.PublishJob;
import io.paperpulse.stack.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerMetricsTest {
  @Test
  void servesTheRunsProgressOnMetrics(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("2025-04-01.jsonl");
    Files.writeString(file, "{\"id\": \"2504.00001\", \"title\": \"A\"}\n{\"id\": \"2504.00002\", \"title\": \"B\"}\nbroken\n");
    int port = Ports.free();
    MockProducer<String, Paper> producer = new MockProducer<>(true, null, new StringSerializer(), (t, p) -> new byte[0]);
    String scrape;
    try (ProducerMetrics metrics = new ProducerMetrics(port, "test");
        PaperPublisher publisher = new PaperPublisher(producer, "papers")) {
      PublishJob job = new PublishJob(new FeedReader(ParseOptions.defaults()), publisher, new PrintStream(new ByteArrayOutputStream()), Progress.none());
      metrics.watch(job);
      job.publish(List.of(file));
      scrape = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }

    assertThat(scrape)
        .contains("paperpulse_producer_records_read_total{application=\"paperpulse-producer\",instance=\"test\"} 3.0")
        .contains("paperpulse_producer_records_published_total{application=\"paperpulse-producer\",instance=\"test\"} 2.0")
        .contains("paperpulse_producer_records_rejected_total{application=\"paperpulse-producer\",instance=\"test\"} 1.0")
        .contains("paperpulse_producer_records_failed_total{");
  }
}
