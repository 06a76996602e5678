package io.paperpulse.streams.keywordtrends;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A keyword's days, and its trends in each window on its partition's latest day: what {@code GET
 * /api/keywords/{keyword}} answers, followed there by the keyword's watch, which the HTTP layer adds.
 */
public record Keyword(
    String keyword, String label, String day, @JsonProperty("final") boolean closed, List<KeywordDayPoint> series,
    long[] weeks, Map<String, Trend> windows) {}
