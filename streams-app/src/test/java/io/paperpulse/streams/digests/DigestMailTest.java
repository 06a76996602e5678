package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.Digest;
import io.paperpulse.avro.DigestPaper;
import io.paperpulse.avro.DigestSpike;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestMailTest {
  private static final String LINK = "http://localhost:8080/api/subscriptions/ada%40example.org/unsubscribe?token=abc";

  private static Digest digest(List<DigestPaper> papers, List<DigestSpike> spikes) {
    return new Digest("ada@example.org", "2025-03-20", papers, spikes, LINK);
  }

  @Test
  void bothPartsListThePapersSpikesAndTheLinkAndTheHtmlIsEscaped() {
    DigestPaper paper = DigestPaper.newBuilder().setRank(4).setPaperId("2503.1").setTitle("<b>Bold</b> & \"quoted\" claims")
        .setAuthors(List.of("Ada Lovelace", "Alan Turing")).setAbstractStart("We show <script>x</script>.")
        .setUrl("https://arxiv.org/abs/2503.1").setMatched(List.of("diffusion model")).build();
    Digest digest = digest(List.of(paper), List.of(new DigestSpike("diffusion model", "diffusion models", 9L, 5.5)));

    assertThat(DigestMail.subject(digest)).isEqualTo("PaperPulse 2025-03-20: 1 trending paper in what you follow");
    assertThat(DigestMail.text(digest)).contains(
        "#4 <b>Bold</b> & \"quoted\" claims", "Ada Lovelace, Alan Turing", "for: diffusion model",
        "https://arxiv.org/abs/2503.1", "diffusion models: 9 papers", "Unsubscribe: " + LINK);
    String html = DigestMail.html(digest);
    assertThat(html).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; claims", "&lt;script&gt;", "<li value=\"4\">",
        "<a href=\"" + LINK.replace("&", "&amp;") + "\">Unsubscribe</a>");
    assertThat(html).doesNotContain("<script>", "<b>Bold");
  }

  @Test
  void aDigestWithNothingFollowedSaysSo() {
    Digest empty = digest(List.of(), List.of());

    assertThat(DigestMail.subject(empty)).contains("0 trending papers");
    assertThat(DigestMail.text(empty)).contains("None of the day's trending papers is in what you follow.").doesNotContain("Spikes");
    assertThat(DigestMail.key(empty)).isEqualTo("ada@example.org|2025-03-20");
  }
}
