package io.paperpulse.producer.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads Hugging Face {@code /api/daily_papers} payloads: a JSON array of items, or an object whose
 * {@code data} array holds them. Each item is a JSON object, or, as seen in the wild, a string
 * holding the Python {@code repr()} of one; both are read. Rejections name the item by its JSON
 * pointer ({@code /data/3}).
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
    if (root != null && root.isObject()) {
      String status = Json.text(root, "status");
      if (status != null && !status.equals("success")) {
        throw new FeedException(name + ": the payload reports status '" + status + "'");
      }
      items = root.get("data");
      prefix = "/data";
    }
    if (items == null || !items.isArray()) {
      throw new FeedException(
          name + ": not a daily_papers payload: expected an array of papers or an object with 'data'");
    }
    Instant ingested = options.clock().instant();
    for (int i = 0; i < items.size(); i++) {
      String location = prefix + "/" + i;
      try {
        listener.paper(paper(items.get(i)).build(ingested), location);
      } catch (InvalidRecordException e) {
        listener.rejected(new Rejection(name, location, e.getMessage()));
      }
    }
  }

  private static PaperDraft paper(JsonNode item) throws InvalidRecordException {
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
            .published(instant(paper, item));
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
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException("publishedAt is not an ISO-8601 instant: '" + text + "'");
    }
  }
}
