package io.paperpulse.producer.feed;

import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv API responses (Atom 1.0 with the opensearch and arxiv namespaces): result pages,
 * single-id lookups and empty results. An API error comes back as a feed whose one entry has an id
 * under {@code /api/errors}; that is reported as an error of the whole input, not read as a paper.
 */
final class ArxivAtomParser implements FeedParser {
  @Override
  public void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException {
    Instant ingested = options.clock().instant();
    XmlFeed.read(name, in, xml -> {
      if (!xml.getLocalName().equals("entry")) {
        return;
      }
      String location = String.valueOf(xml.getLocation().getLineNumber());
      Entry entry = entry(xml);
      if (entry.id != null && entry.id.contains("/api/errors")) {
        throw new FeedException(
            name + ":" + location + ": the arXiv API returned an error: " + PaperDraft.fold(entry.summary));
      }
      XmlFeed.record(name, location, ingested, listener, entry::draft);
    });
  }

  /** The fields of one entry, collected before they are checked. */
  private static final class Entry {
    String id;
    String title;
    String summary;
    String published;
    String comment;
    String abs;
    String pdf;
    /** Categories other than the primary one, which may come later but must stay first. */
    final List<String> laterCategories = new ArrayList<>();
    final PaperDraft draft = new PaperDraft(PaperSource.ARXIV_API);

    PaperDraft draft() throws InvalidRecordException {
      if (id == null) {
        throw new InvalidRecordException("entry has no id");
      }
      if (published == null) {
        throw new InvalidRecordException("entry has no published time");
      }
      try {
        draft.published(OffsetDateTime.parse(published.strip()).toInstant());
      } catch (DateTimeParseException e) {
        throw new InvalidRecordException("published is not an ISO-8601 time: '" + published + "'");
      }
      return draft.arxivId(id)
          .title(title)
          .summary(summary)
          .absUrl(abs)
          .pdfUrl(pdf)
          .codeUrlsIn(comment);
    }
  }

  private static Entry entry(XMLStreamReader xml) throws XMLStreamException {
    Entry entry = new Entry();
    SafeXml.children(xml, element -> {
      switch (element) {
        case "id" -> entry.id = SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS);
        case "title" -> entry.title = SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS);
        case "summary" -> entry.summary = SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS);
        case "published" -> entry.published = SafeXml.text(xml, 100);
        case "comment" -> entry.comment = SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS);
        case "name" -> entry.draft.author(SafeXml.text(xml, XmlFeed.MAX_FIELD_CHARS));
        case "primary_category" -> entry.draft.category(xml.getAttributeValue(null, "term"));
        case "category" -> entry.laterCategories.add(xml.getAttributeValue(null, "term"));
        case "link" -> {
          String href = xml.getAttributeValue(null, "href");
          if ("pdf".equals(xml.getAttributeValue(null, "title"))) {
            entry.pdf = href;
          } else if ("alternate".equals(xml.getAttributeValue(null, "rel"))) {
            entry.abs = href;
          }
        }
        default -> {} // walked into: an author's name comes inside <author>
      }
    });
    for (String category : entry.laterCategories) {
      entry.draft.category(category);
    }
    return entry;
  }
}
