package io.paperpulse.streams.analytics;

import io.paperpulse.avro.PaperRef;
import java.util.List;

/** A sample paper of a trend or an alert, by id and title, as the API shows it. */
public record SamplePaper(String id, String title) {
  public static List<SamplePaper> of(List<PaperRef> papers) {
    return papers.stream().map(p -> new SamplePaper(p.getId(), p.getTitle())).toList();
  }
}
