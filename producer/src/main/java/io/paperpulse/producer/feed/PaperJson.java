package io.paperpulse.producer.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** One paper as one line of JSON, the form {@code paperpulse parse} prints. */
public final class PaperJson {
  private PaperJson() {}

  /** The name a source has in JSON and in the docs: {@code listing}, {@code arxiv-api}, ... */
  public static String sourceName(PaperSource source) {
    return source.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static String toJson(Paper paper) {
    StringWriter out = new StringWriter(2_048);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", paper.getId());
      json.writeStringField("source", sourceName(paper.getSource()));
      json.writeStringField("sourceId", paper.getSourceId());
      json.writeStringField("title", paper.getTitle());
      json.writeStringField("abstract", paper.getAbstract$());
      array(json, "authors", paper.getAuthors());
      array(json, "categories", paper.getCategories());
      json.writeObjectFieldStart("links");
      json.writeStringField("abs", paper.getLinks().getAbs());
      json.writeStringField("pdf", paper.getLinks().getPdf());
      array(json, "code", paper.getLinks().getCode());
      json.writeEndObject();
      json.writeStringField("published", paper.getPublished().toString());
      json.writeStringField(
          "listingDate", paper.getListingDate() == null ? null : paper.getListingDate().toString());
      json.writeStringField("ingested", paper.getIngested().toString());
      count(json, "upvotes", paper.getUpvotes());
      count(json, "commentCount", paper.getCommentCount());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void count(JsonGenerator json, String name, Integer value) throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value);
    }
  }

  private static void array(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
