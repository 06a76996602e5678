package io.paperpulse.streams.alerts;

import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.streams.analytics.SamplePaper;
import java.util.List;

/** A spike alert as the API shows it, under its key in the recent alerts' store. */
record Alert(
    String key, String keyword, String label, String window, String day, long count, double baseline, double score,
    double pValue, boolean watched, String owner, List<SamplePaper> samples) {
  static Alert of(String key, SpikeAlert a) {
    return new Alert(key, a.getKeyword(), a.getLabel(), a.getWindow(), a.getStart().toString(), a.getCount(),
        a.getBaseline(), a.getScore(), a.getPValue(), a.getWatched(), a.getOwner(), SamplePaper.of(a.getSamples()));
  }
}
