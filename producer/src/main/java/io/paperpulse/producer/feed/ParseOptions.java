package io.paperpulse.producer.feed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a parser may need beyond the bytes of a feed.
 *
 * @param year the year of a listing that gives only month and day; null means the current year
 * @param listingDate the listing day of a dated feed whose records and file name carry none; may be
 *     null
 * @param maxInputBytes the most bytes read from one input after decompression, against gzip bombs
 * @param clock the source of the ingested time and of the current year
 */
public record ParseOptions(Integer year, LocalDate listingDate, long maxInputBytes, Clock clock) {
  public static final long DEFAULT_MAX_INPUT_BYTES = 2L << 30;

  public static ParseOptions defaults() {
    return new ParseOptions(null, null, DEFAULT_MAX_INPUT_BYTES, Clock.systemUTC());
  }

  public ParseOptions withYear(Integer year) {
    return new ParseOptions(year, listingDate, maxInputBytes, clock);
  }

  public ParseOptions withListingDate(LocalDate date) {
    return new ParseOptions(year, date, maxInputBytes, clock);
  }

  public ParseOptions withMaxInputBytes(long max) {
    return new ParseOptions(year, listingDate, max, clock);
  }

  public ParseOptions withClock(Clock clock) {
    return new ParseOptions(year, listingDate, maxInputBytes, clock);
  }

  /** The year to give a listing date that has none. */
  public int effectiveYear() {
    return year != null ? year : LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
  }
}
