package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.streams.subjectcounts.SubjectCountsTopology;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.TrendWindow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Request validation in one place: each method reads one parameter of the query string, the path
 * or a JSON body and turns a bad value into a 400 whose message names the parameter.
 */
final class Params {
  static final int MAX_LIMIT = 500;
  static final int MAX_KEYWORD_CHARS = 100;
  static final int MAX_TEXT_CHARS = 200;

  private final Map<String, String> query;

  Params(Map<String, String> query) {
    this.query = Map.copyOf(query);
  }

  /** Every query parameter as given, for a handler that validates its own. */
  Map<String, String> all() {
    return Map.copyOf(query);
  }

  /** A query parameter as given, or null when absent; for values their own handler validates. */
  String raw(String name) {
    return query.get(name);
  }

  /** A subject window ({@code P1D}, {@code P7D}, {@code P30D}) as a number of days. */
  int subjectWindowDays(String fallback) {
    String window = query.getOrDefault("window", fallback);
    for (int days : SubjectCountsTopology.WINDOW_DAYS) {
      if (SubjectCountsTopology.window(days).equals(window)) {
        return days;
      }
    }
    throw ApiException.badRequest("window must be one of P1D, P7D, P30D, not '" + window + "'");
  }

  /** A keyword-trend window ({@code P1D}, {@code P7D}, {@code P28D}). */
  TrendWindow trendWindow(String fallback) {
    String window = query.getOrDefault("window", fallback);
    return TrendWindow.parse(window)
        .orElseThrow(() -> ApiException.badRequest("window must be one of P1D, P7D, P28D, not '" + window + "'"));
  }

  /** The {@code day} parameter as an epoch day, or null when absent. */
  Long day() {
    String day = query.get("day");
    if (day == null) {
      return null;
    }
    try {
      return LocalDate.parse(day).toEpochDay();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("day must be a date such as 2025-04-07, not '" + day + "'");
    }
  }

  /** The {@code limit} parameter, 1 to {@value #MAX_LIMIT}. */
  int limit(int fallback) {
    String value = query.get("limit");
    if (value == null) {
      return fallback;
    }
    int limit;
    try {
      limit = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit must be a whole number, not '" + value + "'");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    return limit;
  }

  /** A keyword as typed in a path, and its key as the trends count it ({@link MentionTerms#keyOf}), bounded and non-empty. */
  record Keyword(String phrase, String key) {}

  static Keyword keyword(String phrase) {
    if (phrase.length() > MAX_KEYWORD_CHARS) {
      throw ApiException.badRequest(
          "keyword has at most " + MAX_KEYWORD_CHARS + " characters, not " + phrase.length());
    }
    String key = MentionTerms.keyOf(phrase);
    if (key.isEmpty()) {
      throw ApiException.badRequest("keyword '" + phrase + "' has no words");
    }
    return new Keyword(phrase, key);
  }

  // ---- a JSON body's fields ----

  /** A whole number of at least 1. */
  static int positiveInt(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
      throw ApiException.badRequest(name + " must be a whole number of at least 1");
    }
    return node.asInt();
  }

  /** A number in {@code (min, max]}. */
  static double number(JsonNode body, String name, double min, double max) {
    JsonNode node = body.get(name);
    if (!node.isNumber()) {
      throw ApiException.badRequest(name + " must be a number");
    }
    double value = node.asDouble();
    if (value <= min || value > max) {
      throw ApiException.badRequest(name + " must be in (" + min + ", " + max + "], not " + value);
    }
    return value;
  }

  /** A string of at most {@value #MAX_TEXT_CHARS} characters. */
  static String text(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (!node.isTextual() || node.asText().length() > MAX_TEXT_CHARS) {
      throw ApiException.badRequest(name + " must be a string of at most " + MAX_TEXT_CHARS + " characters");
    }
    return node.asText();
  }
}
