package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import io.paperpulse.common.Topics;
import io.paperpulse.common.util.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the digests of {@code digests}, one at a time, in order. For each: skip it when its day is
 * before the first day to send, or when the sent log has it; else send it, retrying with backoff
 * until it goes through; then record it in the sent log, and only then commit its offset.
 */
public final class DigestMailer implements Runnable, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DigestMailer.class);

  private final Consumer<String, Digest> consumer;
  private final DigestSender sender;
  private final SentLog sentLog;
  private final Backoff backoff;
  private final Clock clock;
  private final LocalDate firstDay;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong beforeFirstDay = new AtomicLong();
  private final AtomicLong alreadySent = new AtomicLong();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /**
   * @param firstDay the first day whose digests are sent; null: the UTC day of the mailer's first
   *     start, kept in the sent log, so a restart keeps it and a backfill of the past mails nothing
   */
  public DigestMailer(Consumer<String, Digest> consumer, DigestSender sender, SentLog sentLog, Backoff backoff, Clock clock, LocalDate firstDay)
      throws Exception {
    this.consumer = consumer;
    this.sender = sender;
    this.sentLog = sentLog;
    this.backoff = backoff;
    this.clock = clock;
    if (firstDay == null && !sentLog.contains(SentLog.FIRST_START)) {
      sentLog.record(SentLog.FIRST_START, clock.instant());
    }
    this.firstDay = firstDay != null ? firstDay : LocalDate.ofInstant(sentLog.recorded(SentLog.FIRST_START), ZoneOffset.UTC);
  }

  /** The first day whose digests this mailer sends. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** Digests sent by this mailer. */
  public long sent() {
    return sent.get();
  }

  /** Attempts to send that failed and will be tried again. */
  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** Digests not sent because their day is before the first day to send. */
  public long beforeFirstDay() {
    return beforeFirstDay.get();
  }

  /** Digests not sent because the sent log has them: sent before a restart. */
  public long alreadySent() {
    return alreadySent.get();
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(Topics.DIGESTS.name()));
    try {
      while (closing.getCount() > 0) {
        for (ConsumerRecord<String, Digest> record : consumer.poll(Duration.ofMillis(500))) {
          if (!deliver(record)) {
            return;
          }
          commit(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        commitPositions();
      }
    } catch (WakeupException e) {
      // closing
    } catch (Exception e) {
      LOG.error("the digest mailer stopped; it resumes from its last commit on the next start", e);
    } finally {
      consumer.close();
    }
  }

  private void commit(TopicPartition partition, long offset) {
    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
    committed.put(partition, offset);
  }

  /**
   * Commits the consumer's positions where they passed the last commit: past the transaction
   * markers the streams app's exactly-once writes leave after its records, so the group's lag
   * reaches 0 once every digest is handled.
   */
  private void commitPositions() {
    for (TopicPartition partition : consumer.assignment()) {
      long position = consumer.position(partition);
      if (position > committed.getOrDefault(partition, -1L)) {
        commit(partition, position);
      }
    }
  }

  /** Sends one digest if it is due; false when the mailer was closed before it could. */
  private boolean deliver(ConsumerRecord<String, Digest> record) throws Exception {
    Digest digest = record.value();
    if (digest == null) {
      return true;
    }
    if (LocalDate.parse(digest.getDay()).isBefore(firstDay)) {
      beforeFirstDay.incrementAndGet();
      return true;
    }
    String key = DigestMail.key(digest);
    if (sentLog.contains(key)) {
      LOG.info("digest {} was sent at {}; not sending it again", key, sentLog.recorded(key));
      alreadySent.incrementAndGet();
      return true;
    }
    if (!sendWithRetry(digest)) {
      return false;
    }
    sentLog.record(key, clock.instant());
    sent.incrementAndGet();
    return true;
  }

  /**
   * Sends until it goes through; while it waits, the consumer is paused and polled, so it stays in
   * its group. False when closed first.
   */
  private boolean sendWithRetry(Digest digest) throws InterruptedException {
    for (int misses = 0; ; ) {
      try {
        sender.send(digest);
        if (misses > 0) {
          consumer.resume(consumer.assignment());
        }
        return true;
      } catch (Exception e) {
        failedAttempts.incrementAndGet();
        Duration wait = backoff.delayAfter(++misses);
        LOG.warn("could not send digest {} to {} ({}); trying again in {} ms",
            DigestMail.key(digest), sender.describe(), e.getMessage(), wait.toMillis());
        consumer.pause(consumer.assignment());
        if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
        consumer.poll(Duration.ZERO);
      }
    }
  }

  /** Stops after the digest in hand, if any; call from another thread, then join the runner. */
  @Override
  public void close() {
    closing.countDown();
    consumer.wakeup();
  }
}
