package io.paperpulse.producer.feed;

import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OAI-PMH {@code ListRecords} pages in the arXivRaw format. The published time is the date of
 * the first version; authors come as one "A, B and C" string. Deleted records are rejected as such.
 * An OAI-PMH {@code <error>} (such as noRecordsMatch) is an error of the whole input.
 */
final class OaiPmhParser implements FeedParser {
  @Override
  public void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException {
    Instant ingested = options.clock().instant();
    XmlFeed.read(name, in, xml -> {
      String element = xml.getLocalName();
      if (element.equals("error")) {
        String code = xml.getAttributeValue(null, "code");
        throw new FeedException(
            name + ":" + xml.getLocation().getLineNumber() + ": OAI-PMH error " + code + ": "
                + PaperDraft.fold(SafeXml.text(xml, 1_000)));
      }
      if (element.equals("record")) {
        String location = String.valueOf(xml.getLocation().getLineNumber());
        XmlFeed.record(name, location, ingested, listener, () -> record(xml));
      }
    });
  }

  private static PaperDraft record(XMLStreamReader xml)
      throws XMLStreamException, InvalidRecordException {
    PaperDraft draft = new PaperDraft(PaperSource.OAI_PMH);
    Fields fields = new Fields();
    SafeXml.children(xml, element -> {
      switch (element) {
        case "header" -> fields.deleted = "deleted".equals(xml.getAttributeValue(null, "status"));
        case "id" -> fields.id = SafeXml.text(xml, 200);
        case "date" -> {
          String date = SafeXml.text(xml, 100);
          if (fields.firstVersionDate == null) {
            fields.firstVersionDate = date;
          }
        }
        case "title" -> draft.title(SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS));
        case "authors" -> fields.authors = SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS);
        case "categories" -> {
          for (String category : SafeXml.text(xml, 1_000).strip().split("\\s+")) {
            draft.category(category);
          }
        }
        case "comments" -> draft.codeUrlsIn(SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS));
        case "abstract" -> draft.summary(SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS));
        default -> {} // walked into
      }
    });
    if (fields.deleted) {
      throw new InvalidRecordException("deleted record");
    }
    if (fields.id == null) {
      throw new InvalidRecordException("record has no arXivRaw id");
    }
    draft.arxivId(fields.id.strip());
    if (fields.authors != null) {
      addAuthors(draft, fields.authors);
    }
    if (fields.firstVersionDate == null) {
      throw new InvalidRecordException("record has no version date");
    }
    draft.published(versionDate(fields.firstVersionDate));
    return draft;
  }

  /** The fields of one record that are checked once it has been read. */
  private static final class Fields {
    String id;
    String firstVersionDate;
    String authors;
    boolean deleted;
  }

  /** Adds the authors of an arXivRaw "A, B and C" string. */
  private static void addAuthors(PaperDraft draft, String authors) {
    // Affiliations in parentheses may hold commas of their own: drop them before splitting.
    String names = PaperDraft.fold(authors.replaceAll("\\([^()]*\\)", " "));
    for (String author : names.split(",\\s*|\\s+and\\s+")) {
      draft.author(author);
    }
  }

  /** The instant of a version's date, an RFC 1123 date ("Mon, 2 Apr 2007 19:18:42 GMT"). */
  private static Instant versionDate(String date) throws InvalidRecordException {
    try {
      return ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException("version date is not an RFC 1123 date: '" + date + "'");
    }
  }
}
