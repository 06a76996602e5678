package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.util.Backoff;
import io.paperpulse.common.TopicSerdes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A {@link DigestMailer} on its own thread, with its Kafka clients; {@link #close} stops it. */
public final class MailerProcess implements AutoCloseable {
  /** The mailer's consumer group on {@code digests}: its commits are the mailer's progress. */
  public static final String GROUP_ID = "paperpulse-mailer";

  private final DigestMailer mailer;
  private final KafkaProducer<String, String> sentWriter;
  private final Thread thread;

  private MailerProcess(DigestMailer mailer, KafkaProducer<String, String> sentWriter) {
    this.mailer = mailer;
    this.sentWriter = sentWriter;
    this.thread = new Thread(mailer, "digest-mailer");
  }

  /**
   * Reads the sent log, then starts sending.
   *
   * @param firstDay the first day whose digests are sent; null for the day of the first start
   */
  public static MailerProcess start(PaperPulseConfig config, TopicSerdes serdes, DigestSender sender, LocalDate firstDay) throws Exception {
    Map<String, Object> common = new HashMap<>(config.kafka());
    common.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    Map<String, Object> producerProps = new HashMap<>(common);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "paperpulse-mailer-sent-log");
    KafkaProducer<String, String> sentWriter = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    Map<String, Object> readerProps = new HashMap<>(common);
    readerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    readerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    SentLog sentLog = KafkaSentLog.load(new KafkaConsumer<>(readerProps, new StringDeserializer(), new StringDeserializer()), sentWriter, Duration.ofSeconds(60));
    Map<String, Object> consumerProps = new HashMap<>(readerProps);
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    KafkaConsumer<String, Digest> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), serdes.value(Digest.class).deserializer());
    DigestMailer mailer = new DigestMailer(consumer, sender, sentLog, Backoff.DEFAULT, Clock.systemUTC(), firstDay);
    MailerProcess process = new MailerProcess(mailer, sentWriter);
    process.thread.start();
    return process;
  }

  public DigestMailer mailer() {
    return mailer;
  }

  @Override
  public void close() throws InterruptedException {
    mailer.close();
    thread.join(Duration.ofSeconds(30).toMillis());
    sentWriter.close(Duration.ofSeconds(5));
  }
}
