package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperpulse.avro.Digest;
import io.paperpulse.avro.DigestPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.util.Backoff;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mailer against a real SMTP server (GreenMail, in-process), reading back what arrived. The
 * digests topic is a mock consumer whose commits outlive it, as a broker's do.
 */
class DigestMailerTest {
  private static final TopicPartition PARTITION = new TopicPartition(Topics.DIGESTS.name(), 0);
  private static final List<String> SUBSCRIBERS = List.of("ada@example.org", "bob@example.org", "cy@example.org");
  private static final List<String> DAYS = List.of("2025-03-20", "2025-03-21");
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final List<ConsumerRecord<String, Digest>> topic = new ArrayList<>();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new ConcurrentHashMap<>();
  private final MemorySentLog sentLog = new MemorySentLog();
  private final List<MimeMessage> arrived = new ArrayList<>();
  private int port;
  private GreenMail smtp;

  /** Thrown to stop a mailer dead, as a kill would. */
  private static final class Crash extends Error {}

  @BeforeEach
  void start() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = startSmtp();
    append(digest("ada@example.org", "2025-03-19", "an old day before the first day to send"));
    for (String day : DAYS) {
      for (String email : SUBSCRIBERS) {
        append(digest(email, day, "Paper for " + email + " on " + day));
      }
    }
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private void append(Digest digest) {
    topic.add(new ConsumerRecord<>(Topics.DIGESTS.name(), 0, topic.size(), DigestMail.key(digest), digest));
  }

  private static Digest digest(String email, String day, String title) {
    DigestPaper paper = DigestPaper.newBuilder().setRank(1).setPaperId(day + "/" + email).setTitle(title)
        .setUrl("https://arxiv.org/abs/2503.00001").setMatched(List.of("Robotics")).build();
    return new Digest(email, day, List.of(paper), List.of(), "http://localhost:8080/api/subscriptions/" + email + "/unsubscribe?token=t");
  }

  /** A consumer of the digests topic that starts from the committed offsets, as a restarted one does. */
  private MockConsumer<String, Digest> consumer() {
    MockConsumer<String, Digest> consumer = new MockConsumer<>("earliest") {
      @Override
      public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        super.commitSync(offsets);
        committed.putAll(offsets);
      }
    };
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(PARTITION));
      if (!committed.isEmpty()) {
        consumer.commitSync(Map.copyOf(committed));
      }
      consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
      topic.forEach(consumer::addRecord);
    });
    return consumer;
  }

  private DigestMailer mailer(DigestSender sender, SentLog log, String clockDay) throws Exception {
    Clock clock = Clock.fixed(LocalDate.parse(clockDay).atTime(8, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    return new DigestMailer(consumer(), sender, log, FAST, clock, null);
  }

  private SmtpSender smtpSender() {
    return new SmtpSender(new SmtpSender.Settings("127.0.0.1", port, null, null, "digests@paperpulse.test"));
  }

  /** Runs a mailer on its own thread; a {@link Crash} ends the thread as a kill ends a process. */
  private static Thread run(DigestMailer mailer) {
    Thread thread = new Thread(() -> {
      try {
        mailer.run();
      } catch (Crash crashed) {
        // the mailer is dead; what it had not committed is the next one's to do
      }
    }, "digest-mailer");
    thread.start();
    return thread;
  }

  private static void await(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(end);
      Thread.onSpinWait();
    }
  }

  private void collectFrom(GreenMail server) {
    arrived.addAll(List.of(server.getReceivedMessages()));
  }

  /** Waits until the mailer has committed the whole topic, stops it, and checks what arrived. */
  private void finish(DigestMailer mailer, Thread thread) throws Exception {
    await(() -> committed.get(PARTITION) != null && committed.get(PARTITION).offset() == topic.size(), "the last commit");
    mailer.close();
    thread.join(DEADLINE.toMillis());
    collectFrom(smtp);
    assertOneDigestPerSubscriberPerDay();
  }

  /** Every digest of the days sent, exactly once, each to its subscriber with its paper, in two parts. */
  private void assertOneDigestPerSubscriberPerDay() throws Exception {
    List<String> keys = new ArrayList<>();
    for (MimeMessage message : arrived) {
      String key = message.getHeader("X-PaperPulse-Digest", null);
      keys.add(key);
      String email = key.substring(0, key.indexOf('|'));
      String day = key.substring(key.indexOf('|') + 1);
      assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(email);
      MimeMultipart parts = (MimeMultipart) message.getContent();
      assertThat(parts.getCount()).isEqualTo(2);
      assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
      assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
      assertThat((String) parts.getBodyPart(0).getContent()).contains("Paper for " + email + " on " + day, "Unsubscribe: http://");
      assertThat((String) parts.getBodyPart(1).getContent()).contains("Paper for " + email + " on " + day);
    }
    List<String> expected = new ArrayList<>();
    DAYS.forEach(day -> SUBSCRIBERS.forEach(email -> expected.add(email + "|" + day)));
    assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aMailerKilledBetweenDigestsIsFollowedByOneThatSendsOnlyTheRest() throws Exception {
    SmtpSender real = smtpSender();
    int[] calls = {0};
    DigestSender dyingOnThird = new DigestSender() {
      @Override
      public void send(Digest digest) throws Exception {
        if (++calls[0] == 3) {
          throw new Crash();
        }
        real.send(digest);
      }

      @Override
      public String describe() {
        return real.describe();
      }
    };
    run(mailer(dyingOnThird, sentLog, "2025-03-20")).join(DEADLINE.toMillis());
    assertThat(smtp.getReceivedMessages()).hasSize(2);

    // Restarted days later: the first day to send stays the day of the first start.
    DigestMailer restarted = mailer(smtpSender(), sentLog, "2025-03-25");
    Thread thread = run(restarted);
    assertThat(smtp.waitForIncomingEmail(DEADLINE.toMillis(), 6)).isTrue();
    finish(restarted, thread);
    assertThat(restarted.firstDay()).isEqualTo(LocalDate.parse("2025-03-20"));
    assertThat(restarted.sent()).isEqualTo(4);
  }

  @Test
  void aMailerKilledAfterSendingButBeforeItsCommitDoesNotSendAgain() throws Exception {
    SentLog dyingAfterSecondRecord = new SentLog() {
      private int records;

      @Override
      public boolean contains(String key) {
        return sentLog.contains(key);
      }

      @Override
      public void record(String key, Instant when) {
        sentLog.record(key, when);
        if (!key.equals(FIRST_START) && ++records == 2) {
          throw new Crash();
        }
      }

      @Override
      public Instant recorded(String key) {
        return sentLog.recorded(key);
      }
    };
    run(mailer(smtpSender(), dyingAfterSecondRecord, "2025-03-20")).join(DEADLINE.toMillis());
    assertThat(committed.get(PARTITION).offset()).as("the second digest's offset was not committed").isEqualTo(2);

    DigestMailer restarted = mailer(smtpSender(), sentLog, "2025-03-20");
    Thread thread = run(restarted);
    finish(restarted, thread);
    assertThat(restarted.alreadySent()).as("the second digest, in the sent log but not committed").isEqualTo(1);
    assertThat(restarted.sent()).isEqualTo(4);
  }

  @Test
  void digestsWaitOutAnSmtpOutageAndAreSentOnceItIsBack() throws Exception {
    smtp.stop();
    DigestMailer mailer = mailer(smtpSender(), sentLog, "2025-03-20");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MailerMetrics.bind(registry, mailer);
    Thread thread = run(mailer);
    await(() -> mailer.failedAttempts() >= 3, "failed attempts while the server is down");
    assertThat(mailer.sent()).isZero();
    assertThat(committed.get(PARTITION).offset()).as("only the old day's digest, skipped, is committed").isEqualTo(1);

    smtp = startSmtp();
    assertThat(smtp.waitForIncomingEmail(DEADLINE.toMillis(), 6)).isTrue();
    finish(mailer, thread);
    assertThat(registry.get(MailerMetrics.SENT).functionCounter().count()).isEqualTo(6);
    assertThat(registry.get(MailerMetrics.SKIPPED).tag("reason", "before-first-day").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get(MailerMetrics.SKIPPED).tag("reason", "already-sent").functionCounter().count()).isZero();
    assertThat(registry.get(MailerMetrics.SEND_FAILURES).functionCounter().count()).isEqualTo(mailer.failedAttempts()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theMessageIdIsTheDigestsOwnSoACopySentTwiceIsRecognisable() throws Exception {
    Digest digest = digest("ada@example.org", "2025-03-20", "Same paper");
    smtpSender().send(digest);
    smtpSender().send(digest);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo(DigestMail.messageId(digest));
    assertThat(DigestMail.messageId(digest("bob@example.org", "2025-03-20", "x"))).isNotEqualTo(DigestMail.messageId(digest));
  }
}
