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
  private static final int MAX_FIELD_CHARS = PaperDraft.MAX_ABSTRACT_CHARS + 1;

  @Override
  public void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException {
    Instant ingested = options.clock().instant();
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.open(in);
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamReader.START_ELEMENT) {
          continue;
        }
        String element = xml.getLocalName();
        if (element.equals("error")) {
          String code = xml.getAttributeValue(null, "code");
          throw new FeedException(
              name + ":" + xml.getLocation().getLineNumber() + ": OAI-PMH error " + code + ": "
                  + PaperDraft.fold(SafeXml.text(xml, 1_000)));
        }
        if (element.equals("record")) {
          String location = String.valueOf(xml.getLocation().getLineNumber());
          try {
            listener.paper(record(xml).build(ingested), location);
          } catch (InvalidRecordException e) {
            listener.rejected(new Rejection(name, location, e.getMessage()));
          }
        }
      }
    } catch (XMLStreamException e) {
      throw XmlErrors.of(name, e);
    } finally {
      XmlErrors.close(xml);
    }
  }

  private static PaperDraft record(XMLStreamReader xml)
      throws XMLStreamException, InvalidRecordException {
    PaperDraft draft = new PaperDraft(PaperSource.OAI_PMH);
    String id = null;
    String firstVersionDate = null;
    String authors = null;
    boolean deleted = false;
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamReader.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "header" -> {
          deleted = "deleted".equals(xml.getAttributeValue(null, "status"));
          depth++;
        }
        case "id" -> id = SafeXml.text(xml, 200);
        case "date" -> {
          String date = SafeXml.text(xml, 100);
          if (firstVersionDate == null) {
            firstVersionDate = date;
          }
        }
        case "title" -> draft.title(SafeXml.text(xml, MAX_FIELD_CHARS));
        case "authors" -> authors = SafeXml.text(xml, MAX_FIELD_CHARS);
        case "categories" -> {
          for (String category : SafeXml.text(xml, 1_000).strip().split("\\s+")) {
            draft.category(category);
          }
        }
        case "comments" -> draft.codeUrlsIn(SafeXml.text(xml, MAX_FIELD_CHARS));
        case "abstract" -> draft.summary(SafeXml.text(xml, MAX_FIELD_CHARS));
        default -> depth++;
      }
    }
    if (deleted) {
      throw new InvalidRecordException("deleted record");
    }
    if (id == null) {
      throw new InvalidRecordException("record has no arXivRaw id");
    }
    draft.arxivId(id.strip());
    if (authors != null) {
      addAuthors(draft, authors);
    }
    if (firstVersionDate == null) {
      throw new InvalidRecordException("record has no version date");
    }
    draft.published(versionDate(firstVersionDate));
    return draft;
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
