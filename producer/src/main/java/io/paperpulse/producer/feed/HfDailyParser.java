package io.paperpulse.producer.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads Hugging Face {@code /api/daily_papers} payloads: a JSON array of items, or an object whose
 * {@code data} array holds them. Each item is a JSON object, or, as seen in the wild, a string
 * holding the Python {@code repr()} of one; both are read. Rejections name the item by its JSON
 * pointer ({@code /data/3}).
 *
 * <p>Besides the paper, an item gives its upvotes and comment count at the time the payload was
 * fetched, and newer payloads the day it was put on the daily list ({@code submittedOnDailyAt}),
 * which becomes the paper's listing date; an object payload's {@code date} stands in for the
 * items without one. A count or day that is present but unreadable rejects the item, like any
 * other bad field.
 */
final class HfDailyParser implements FeedParser {
  @Override
  public void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new FeedException(name + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
    String prefix = "";
    JsonNode items = root;
    LocalDate payloadDay = null;
    if (root != null && root.isObject()) {
      String status = Json.text(root, "status");
      if (status != null && !status.equals("success")) {
        throw new FeedException(name + ": the payload reports status '" + status + "'");
      }
      items = root.get("data");
      prefix = "/data";
      payloadDay = payloadDay(name, Json.text(root, "date"));
    }
    if (items == null || !items.isArray()) {
      throw new FeedException(
          name + ": not a daily_papers payload: expected an array of papers or an object with 'data'");
    }
    Instant ingested = options.clock().instant();
    for (int i = 0; i < items.size(); i++) {
      String location = prefix + "/" + i;
      try {
        listener.paper(paper(items.get(i), payloadDay).build(ingested), location);
      } catch (InvalidRecordException e) {
        listener.rejected(new Rejection(name, location, e.getMessage()));
      }
    }
  }

  private static PaperDraft paper(JsonNode item, LocalDate payloadDay)
      throws InvalidRecordException {
    if (item.isTextual()) {
      item = PythonLiteral.parse(item.asText());
    }
    if (!item.isObject()) {
      throw new InvalidRecordException("item is not an object but " + item.getNodeType());
    }
    JsonNode paper = item.path("paper");
    if (!paper.isObject()) {
      throw new InvalidRecordException("item has no 'paper' object");
    }
    String id = Json.text(paper, "id");
    if (id == null) {
      throw new InvalidRecordException("paper has no id");
    }
    String title = Json.text(paper, "title");
    PaperDraft draft =
        new PaperDraft(PaperSource.HF_DAILY)
            .arxivId(id)
            .sourceId(id)
            .title(title != null ? title : Json.text(item, "title"))
            .summary(Json.text(paper, "summary"))
            .codeUrl(Json.text(paper, "githubRepo"))
            .pdfUrl("https://arxiv.org/pdf/" + id)
            .published(instant(paper, item))
            .listingDate(dailyListDay(paper, payloadDay))
            .upvotes(count(paper, "upvotes"))
            .commentCount(count(item, "numComments"));
    for (JsonNode author : paper.path("authors")) {
      draft.author(author.isTextual() ? author.asText() : Json.text(author, "name"));
    }
    return draft;
  }

  private static Instant instant(JsonNode paper, JsonNode item) throws InvalidRecordException {
    String text = Json.text(paper, "publishedAt");
    if (text == null) {
      text = Json.text(item, "publishedAt");
    }
    if (text == null) {
      throw new InvalidRecordException("paper has no publishedAt");
    }
    return parseInstant("publishedAt", text);
  }

  /** The (UTC) day of the daily list the paper was put on, else the payload's day, else null. */
  private static LocalDate dailyListDay(JsonNode paper, LocalDate payloadDay)
      throws InvalidRecordException {
    String text = Json.text(paper, "submittedOnDailyAt");
    if (text == null) {
      return payloadDay;
    }
    return LocalDate.ofInstant(parseInstant("submittedOnDailyAt", text), ZoneOffset.UTC);
  }

  private static Instant parseInstant(String field, String text) throws InvalidRecordException {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException(
          field + " is not an ISO-8601 instant: '" + PaperDraft.shorten(text) + "'");
    }
  }

  /** A count the item gives, or null when it gives none. */
  private static Integer count(JsonNode node, String field) throws InvalidRecordException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      String shown = value.isContainerNode() ? value.getNodeType().toString() : value.asText();
      throw new InvalidRecordException(
          field + " is not a whole number of 0 or more: '" + PaperDraft.shorten(shown) + "'");
    }
    return value.intValue();
  }

  private static LocalDate payloadDay(String name, String text) throws FeedException {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new FeedException(
          name + ": the payload's date is not a day (YYYY-MM-DD): '" + PaperDraft.shorten(text) + "'");
    }
  }
}
