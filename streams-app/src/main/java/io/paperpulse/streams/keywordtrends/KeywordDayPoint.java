package io.paperpulse.streams.keywordtrends;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A keyword's papers on one day, out of all the day's papers; {@code final} once the day has closed. */
public record KeywordDayPoint(String day, long count, long total, @JsonProperty("final") boolean closed) {}
