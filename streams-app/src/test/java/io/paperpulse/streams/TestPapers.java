package io.paperpulse.streams;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperLinks;
import io.paperpulse.avro.PaperSource;
import io.paperpulse.avro.ScoredKeyword;
import io.paperpulse.avro.ScoredTopic;
import io.paperpulse.streams.analytics.Days;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Test data builders over the generated classes, and explicit event times. */
public final class TestPapers {
  /** Day zero of every test: 2025-03-01T00:00Z. */
  public static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

  private TestPapers() {}

  /** {@code days} after day zero; fractions are parts of a day. */
  public static Instant t(double days) {
    return T0.plusMillis((long) (days * Days.MILLIS));
  }

  public static Builder paper(String id) {
    return new Builder(id);
  }

  public static Properties driverConfig() {
    return driverConfig("paperpulse-test");
  }

  /**
   * A driver's settings under its own application id and its own state directory, so drivers open
   * at once, in this JVM or in another build on the same machine, keep their state apart.
   */
  public static Properties driverConfig(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    try {
      File dir = Files.createTempDirectory("paperpulse-driver-").toFile();
      dir.deleteOnExit(); // a closed driver leaves the directory empty
      props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return props;
  }

  public static final class Builder {
    private final Paper.Builder paper;
    private final List<ScoredKeyword> keywords = new ArrayList<>();
    private final List<ScoredTopic> subjects = new ArrayList<>();

    Builder(String id) {
      paper =
          Paper.newBuilder()
              .setId(id)
              .setSource(PaperSource.ARXIV_DAILY)
              .setSourceId(id)
              .setTitle("Paper " + id)
              .setAbstract$("")
              .setLinks(PaperLinks.newBuilder().build())
              .setPublished(T0)
              .setIngested(T0);
    }

    public Builder title(String title) {
      paper.setTitle(title);
      return this;
    }

    public Builder text(String text) {
      paper.setAbstract$(text);
      return this;
    }

    public Builder categories(String... categories) {
      paper.setCategories(List.of(categories));
      return this;
    }

    public Builder at(Instant time) {
      paper.setPublished(time).setIngested(time);
      return this;
    }

    public Builder keywords(String... keys) {
      for (int i = 0; i < keys.length; i++) {
        keywords.add(new ScoredKeyword(keys[i], keys[i], (double) (keys.length - i)));
      }
      return this;
    }

    /** The enriched paper's subjects (its field {@code topics}), the first one primary. */
    public Builder subjects(String... names) {
      for (int i = 0; i < names.length; i++) {
        subjects.add(new ScoredTopic(names[i], i == 0 ? 1.0 : 0.5, true));
      }
      return this;
    }

    public Paper build() {
      return paper.build();
    }

    public EnrichedPaper enriched() {
      return new EnrichedPaper(build(), keywords, subjects, "test");
    }
  }
}
