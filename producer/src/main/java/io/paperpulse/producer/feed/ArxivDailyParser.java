package io.paperpulse.producer.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads daily arXiv listings as JSON lines ({@code id, categories[], authors[], title, comment,
 * summary, pdf, abs}). Records carry no time, so the listing day comes from the file name ({@code
 * 2025-03-18.jsonl.gz}) or, failing that, from the options.
 */
final class ArxivDailyParser implements FeedParser {
  private static final int MAX_LINE_CHARS = 1_000_000;
  private static final Pattern DAY_IN_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/\\\\]*$");

  @Override
  public void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException {
    LocalDate day = dayOf(name, options);
    Instant ingested = options.clock().instant();
    LineReader reader = new LineReader(in, MAX_LINE_CHARS);
    for (LineReader.Line line; (line = reader.next(name)) != null; ) {
      String location = String.valueOf(line.number());
      if (line.tooLong()) {
        listener.rejected(
            new Rejection(name, location, "line too long: " + line.length() + " characters"));
        continue;
      }
      if (line.text().isBlank()) {
        continue;
      }
      try {
        JsonNode record = Json.MAPPER.readTree(line.text());
        if (!record.isObject()) {
          throw new InvalidRecordException("not a JSON object");
        }
        PaperDraft draft =
            new PaperDraft(PaperSource.ARXIV_DAILY)
                .arxivId(Json.text(record, "id"))
                .title(Json.text(record, "title"))
                .summary(Json.text(record, "summary"))
                .absUrl(Json.text(record, "abs"))
                .pdfUrl(Json.text(record, "pdf"))
                .codeUrlsIn(Json.text(record, "comment"))
                .listingDate(day);
        if (Json.text(record, "id") == null) {
          throw new InvalidRecordException("missing id");
        }
        for (JsonNode author : record.path("authors")) {
          draft.author(author.asText());
        }
        for (JsonNode category : record.path("categories")) {
          draft.category(category.asText());
        }
        if (day == null) {
          throw new InvalidRecordException(
              "no listing date: name the file YYYY-MM-DD.jsonl or give a listing date");
        }
        listener.paper(draft.build(ingested), location);
      } catch (JsonProcessingException e) {
        listener.rejected(
            new Rejection(name, location, "invalid JSON: " + e.getOriginalMessage()));
      } catch (InvalidRecordException e) {
        listener.rejected(new Rejection(name, location, e.getMessage()));
      }
    }
  }

  private static LocalDate dayOf(String name, ParseOptions options) throws FeedException {
    LocalDate named = dayInName(name);
    return named != null ? named : options.listingDate();
  }

  /**
   * The day a file name gives ({@code 2025-03-18.jsonl.gz}), or null when the name gives none.
   *
   * @throws FeedException when the name holds a date that does not exist
   */
  static LocalDate dayInName(String name) throws FeedException {
    Matcher m = DAY_IN_NAME.matcher(name);
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.parse(m.group(1));
    } catch (DateTimeException e) {
      throw new FeedException(name + ": the file name holds an invalid date: " + m.group(1));
    }
  }
}
