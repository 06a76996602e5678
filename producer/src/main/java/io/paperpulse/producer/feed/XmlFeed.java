package io.paperpulse.producer.feed;

import java.io.InputStream;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the XML feed parsers share: the loop over a document's start elements, each record
 * published or rejected, and StAX failures turned into feed errors that name the file and line.
 */
final class XmlFeed {
  /** How much of a field's text is read: one character more than an abstract may have, so a longer one is rejected as such. */
  static final int MAX_FIELD_CHARS = PaperDraft.MAX_ABSTRACT_CHARS + 1;

  private XmlFeed() {}

  /** Called at each start element; reads on from there as far as it needs. */
  interface StartElement {
    void at(XMLStreamReader xml) throws XMLStreamException, FeedException;
  }

  /** Reads one record's draft from where the reader stands. */
  interface Draft {
    PaperDraft read() throws XMLStreamException, InvalidRecordException;
  }

  /** Reads the XML document {@code in} (the file {@code name}), calling {@code start} at each start element. */
  static void read(String name, InputStream in, StartElement start) throws FeedException {
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.open(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamReader.START_ELEMENT) {
          start.at(xml);
        }
      }
    } catch (XMLStreamException e) {
      throw error(name, e);
    } finally {
      close(xml);
    }
  }

  /** Publishes the record that {@code draft} reads, at {@code location} of {@code name}, or rejects it with its reason. */
  static void record(String name, String location, Instant ingested, ParseListener listener, Draft draft)
      throws XMLStreamException {
    try {
      listener.paper(draft.read().build(ingested), location);
    } catch (InvalidRecordException e) {
      listener.rejected(new Rejection(name, location, e.getMessage()));
    }
  }

  private static FeedException error(String name, XMLStreamException e) {
    String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNumber();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.nio.charset.CharacterCodingException) {
        return new FeedException(name + line + ": invalid UTF-8", e);
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    int detail = message.indexOf("Message: ");
    if (detail >= 0) {
      message = message.substring(detail + "Message: ".length());
    }
    return new FeedException(name + line + ": malformed or unsafe XML: " + message.strip(), e);
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader that already failed can fail again; the first error is the one reported.
      }
    }
  }
}
