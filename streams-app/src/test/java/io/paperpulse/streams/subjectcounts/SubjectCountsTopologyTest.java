package io.paperpulse.streams.subjectcounts;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.TestPapers;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Days;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubjectCountsTopologyTest {
  private static final long DAY0 = Days.of(TestPapers.T0);
  private final Counters counters = new Counters();
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedPaper> enriched;
  private TestOutputTopic<String, TopicCount> counts;
  private int ids;

  @BeforeEach
  void start() {
    driver = new TopologyTestDriver(
        SubjectCountsTopology.build(AnalyticsSettings.defaults().withInMemoryState(true), TopicSerdes.plain(), counters), TestPapers.driverConfig());
    enriched = driver.createInputTopic(Topics.PAPERS_ENRICHED.name(), Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
    counts = driver.createOutputTopic(Topics.SUBJECT_COUNTS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TopicCount.class).deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void paperAt(Instant time, String... subjects) {
    String id = "p" + ids++;
    enriched.pipeInput(id, paper(id).at(time).subjects(subjects).enriched(), time);
  }

  private static String key(String subject, int days, int startDay) {
    return SubjectCountsTopology.key(subject, days, DAY0 + startDay);
  }

  @Test
  void writesEachWindowOnceWhenItClosesWithCountTotalAndShare() {
    paperAt(t(0.1), "Machine Learning");
    paperAt(t(0.5), "Machine Learning", "Computer Vision");
    paperAt(t(0.99), "Computer Vision");
    paperAt(t(1.2), "Machine Learning");
    paperAt(t(3), "Robotics"); // stream time reaches day 3: windows ending by day 2 close (grace 1 day)

    Map<String, TopicCount> out = counts.readKeyValuesToMap();
    TopicCount day0 = out.get(key("Machine Learning", 1, 0));
    assertThat(day0.getCount()).isEqualTo(2);
    assertThat(day0.getTotal()).isEqualTo(3);
    assertThat(day0.getShare()).isEqualTo(2.0 / 3);
    assertThat(day0.getStart()).isEqualTo(t(0));
    assertThat(day0.getEnd()).isEqualTo(t(1));
    assertThat(out.get(key("Computer Vision", 1, 0)).getCount()).isEqualTo(2);
    assertThat(out.get(key("Machine Learning", 1, 1)).getCount()).isEqualTo(1);
    assertThat(out.get(key("Machine Learning", 7, -6)).getCount()).isEqualTo(2);
    assertThat(out.get(key("Machine Learning", 7, -5)).getCount()).isEqualTo(3);
    assertThat(out.get(key("Machine Learning", 7, -5)).getTotal()).isEqualTo(4);
    assertThat(out.get(key("Machine Learning", 30, -28)).getCount()).isEqualTo(3);
    assertThat(out).doesNotContainKey(key("Robotics", 1, 3)).doesNotContainKey(key("Machine Learning", 1, 2));
  }

  @Test
  void aLatePaperWithinGraceCountsAndOneBeyondGraceDoesNot() {
    paperAt(t(0.5), "Machine Learning");
    paperAt(t(1.5), "Machine Learning"); // stream time day 1.5: day 0's window closes at day 2
    paperAt(t(0.7), "Machine Learning"); // late, but within grace
    paperAt(t(2.5), "Robotics"); // closes [0,1)
    paperAt(t(0.8), "Machine Learning"); // after [0,1) closed: late for every window, the open 7-day one too
    paperAt(t(-40), "Machine Learning"); // long past
    paperAt(t(9), "Robotics");

    Map<String, TopicCount> out = counts.readKeyValuesToMap();
    assertThat(out.get(key("Machine Learning", 1, 0)).getCount()).isEqualTo(2);
    assertThat(out.get(key("Machine Learning", 7, 0)).getCount()).isEqualTo(3);
    assertThat(out.get(key("Machine Learning", 7, 0)).getTotal()).isEqualTo(4);
    assertThat(counters.lateForCounts.get()).isEqualTo(2);
  }

  @Test
  void windowsAreDayAlignedInUtc() {
    paperAt(t(0.999999), "Machine Learning");
    paperAt(t(1.0), "Machine Learning");
    paperAt(t(5), "Robotics");

    Map<String, TopicCount> out = counts.readKeyValuesToMap();
    assertThat(out.get(key("Machine Learning", 1, 0)).getCount()).isEqualTo(1);
    assertThat(out.get(key("Machine Learning", 1, 1)).getCount()).isEqualTo(1);
  }
}
