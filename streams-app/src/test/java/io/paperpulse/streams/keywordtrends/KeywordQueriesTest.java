package io.paperpulse.streams.keywordtrends;

import static io.paperpulse.streams.analytics.DriverStores.DAY0;
import static io.paperpulse.streams.analytics.DriverStores.KEY;
import static io.paperpulse.streams.analytics.DriverStores.PARTITION;
import static io.paperpulse.streams.analytics.DriverStores.PHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.analytics.DriverStores;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.trends.TrendWindow;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The keyword trends' read side over the stores the topology fills on the test driver ({@link DriverStores}). */
@ExtendWith(DriverStores.Fed.class)
class KeywordQueriesTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theDaysPartHasTheLatestDayAndTheLastClosedOne(KeywordQueries queries) {
    Map<String, Object> days = queries.daysPart(PARTITION, false);

    assertThat(days.get("latestDay")).isEqualTo(DAY0 + 47);
    assertThat((Long) days.get("closedThrough")).isBetween(DAY0 + 45, DAY0 + 46);
  }

  @Test
  void theTrendingPartOfTheSpikingDayHasItsTestsAndThePhraseAsACandidate(KeywordQueries queries) {
    JsonNode part = json.valueToTree(queries.trendingPart(PARTITION, false, DAY0 + 45, TrendWindow.P1D));

    assertThat(part.path("tests").asLong()).isPositive();
    assertThat(part.path("candidates")).extracting(t -> t.path("keyword").asText()).contains(KEY);
  }

  @Test
  void aKeywordHasItsDaysAndATrendInEveryWindow(KeywordQueries queries) {
    Keyword keyword = queries.keyword(KEY, 0, false);

    assertThat(keyword.keyword()).isEqualTo(KEY);
    assertThat(keyword.label()).isEqualToIgnoringCase(PHRASE);
    assertThat(keyword.day()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 47).toString());
    assertThat(keyword.series()).singleElement().satisfies(d -> {
      assertThat(d.day()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 45).toString());
      assertThat(d.count()).isEqualTo(25);
      assertThat(d.total()).isEqualTo(199);
      assertThat(d.closed()).isTrue();
    });
    assertThat(keyword.windows()).containsOnlyKeys("P1D", "P7D", "P28D");
    assertThat(keyword.windows().get("P7D").count()).isEqualTo(25);
    assertThat(json.valueToTree(keyword).path("final").isBoolean()).isTrue();
  }

  @Test
  void aKeywordNoPaperMentionsHasNoAnswer(KeywordQueries queries) {
    assertThat(queries.keyword(KeywordExtractor.keyOf("quokka lattice"), 0, false)).isNull();
  }
}
