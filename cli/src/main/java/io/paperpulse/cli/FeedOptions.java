package io.paperpulse.cli;

import io.paperpulse.producer.feed.ParseOptions;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options that say how to read feeds, shared by every command that reads them. */
final class FeedOptions {
  @Option(
      names = "--year",
      description = "Year of a listing whose date has none (\"Mar 21\"); default: the current year.")
  Integer year;

  @Option(
      names = "--listing-date",
      description = "Listing day (YYYY-MM-DD) of daily files whose name and records carry none.")
  LocalDate listingDate;

  ParseOptions toParseOptions() {
    return ParseOptions.defaults().withYear(year).withListingDate(listingDate);
  }
}
