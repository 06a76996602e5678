package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperpulse.avro.TrendingKeywordRef;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.stack.Deadline;
import io.paperpulse.stack.GroupLag;
import io.paperpulse.stack.LocalStack;
import io.paperpulse.stack.Ports;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.PaperPulseStreams;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.streams.digests.MailerProcess;
import io.paperpulse.streams.digests.SmtpSender;
import io.paperpulse.streams.keywords.KeywordExtractor;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions and digests end to end on the real broker and registry: subscribe over HTTP, a
 * day's ranking arrives on {@code trends.papers}, the mailer e-mails each subscriber once (GreenMail),
 * a replay of the day after a mailer restart e-mails nobody again, and the unsubscribe link works.
 */
class DigestsIT {
  private static final String DAY = "2025-03-20";
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static LocalStack stack;
  private static PaperPulseStreams app;
  private static PaperPulseConfig config;
  private static GreenMail smtp;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(LocalStack.Settings.freePorts(dir.resolve("stack"), LocalStack.defaultRegistryDist(Path.of(System.getProperty("paperpulse.repo", "..")))), System.getenv());
    config = PaperPulseConfig.defaults().withBootstrapServers(stack.bootstrapServers()).withRegistryUrl(stack.registryUrl());
    app = PaperPulseStreams.start(config, new PaperPulseStreams.Settings("digests-it", dir.resolve("state"), "localhost", Ports.free(), 1), AnalyticsSettings.defaults());
    assertThat(app.awaitRunning(WAIT)).as("streams app RUNNING").isTrue();
    smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.stop();
    }
    if (app != null) {
      app.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.httpPort() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int status(String method, String path, String body) {
    try {
      return call(method, path, body).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static MailerProcess mailer() throws Exception {
    SmtpSender sender = new SmtpSender(new SmtpSender.Settings("127.0.0.1", smtp.getSmtp().getPort(), null, null, "digests@paperpulse.test"));
    return MailerProcess.start(config, TopicSerdes.registry(config), sender, LocalDate.parse(DAY));
  }

  private static void publishRanking() throws Exception {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    Instant start = LocalDate.parse(DAY).atStartOfDay(ZoneOffset.UTC).toInstant();
    String diffusion = KeywordExtractor.keyOf("diffusion models");
    try (KafkaProducer<String, TrendingPaper> producer =
        new KafkaProducer<>(props, new StringSerializer(), TopicSerdes.registry(config).value(TrendingPaper.class).serializer())) {
      for (int rank = 1; rank <= 2; rank++) {
        TrendingPaper paper = TrendingPaper.newBuilder()
            .setWindow("P1D").setStart(start).setEnd(start.plusSeconds(86_400)).setRank(rank).setRankingSize(2).setScore(3.0 - rank)
            .setPaperId("2503.0000" + rank).setTitle(rank == 1 ? "Faster diffusion models" : "A survey of databases")
            .setSubjects(List.of(rank == 1 ? "Computer Vision" : "Databases")).setDay(start)
            .setKeywords(rank == 1 ? List.of(new TrendingKeywordRef(diffusion, "diffusion models", 1.0)) : List.of())
            .build();
        producer.send(new ProducerRecord<>(Topics.TRENDING_PAPERS.name(), "P1D|" + DAY + "|00" + rank, paper)).get();
      }
    }
  }

  private static boolean mailerCaughtUp() {
    Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      return GroupLag.of(admin, MailerProcess.GROUP_ID, List.of(Topics.DIGESTS.name())) == 0;
    }
  }

  private static MimeMessage mailTo(String email) throws Exception {
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getAllRecipients()[0].toString().equals(email)) {
        return message;
      }
    }
    throw new AssertionError("no e-mail to " + email);
  }

  @Test
  void eachSubscriberGetsOneDigestOfTheClosedDayAndItsUnsubscribeLinkWorks() throws Exception {
    assertThat(status("PUT", "/api/subscriptions/not-an-address", "{\"everything\": true}")).isEqualTo(400);
    assertThat(status("PUT", "/api/subscriptions/ada@example.org", "{\"topics\": [\"Alchemy\"]}")).isEqualTo(400);
    assertThat(status("PUT", "/api/subscriptions/ada@example.org", "{\"keywords\": [\"Diffusion Models\"]}")).isEqualTo(200);
    assertThat(status("PUT", "/api/subscriptions/bob@example.org", "{\"everything\": true}")).isEqualTo(200);
    assertThat(Deadline.await(WAIT, () -> status("GET", "/api/subscriptions/ada@example.org", null) == 200
        && status("GET", "/api/subscriptions/bob@example.org", null) == 200, () -> false)).as("subscriptions in the table").isTrue();

    publishRanking();
    MailerProcess first = mailer();
    assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 2)).as("two digests arrived").isTrue();
    assertThat(Deadline.await(WAIT, DigestsIT::mailerCaughtUp, () -> false)).isTrue();
    first.close();

    String ada = GreenMailUtil.getBody(mailTo("ada@example.org"));
    assertThat(ada).contains("Faster diffusion models").doesNotContain("A survey of databases");
    assertThat(GreenMailUtil.getBody(mailTo("bob@example.org"))).contains("Faster diffusion models", "A survey of databases");

    // The day again (a replay), read by a restarted mailer: the sent log holds both digests.
    publishRanking();
    MailerProcess second = mailer();
    assertThat(Deadline.await(WAIT, DigestsIT::mailerCaughtUp, () -> false)).as("the restarted mailer read the replayed digests").isTrue();
    second.close();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(second.mailer().sent()).isZero();

    Matcher link = Pattern.compile("(/api/subscriptions/\\S+/unsubscribe\\?token=[A-Za-z0-9_-]+)").matcher(ada.replace("=\r\n", "").replace("=3D", "="));
    assertThat(link.find()).as("an unsubscribe link in %s", ada).isTrue();
    assertThat(status("GET", link.group(1).replaceAll("token=[A-Za-z0-9_-]+", "token=forged"), null)).isEqualTo(403);
    assertThat(status("GET", link.group(1), null)).isEqualTo(200);
    assertThat(Deadline.await(WAIT, () -> status("GET", "/api/subscriptions/ada@example.org", null) == 404, () -> false)).isTrue();
  }
}
