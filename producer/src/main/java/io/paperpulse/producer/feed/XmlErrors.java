package io.paperpulse.producer.feed;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Turns StAX failures into feed errors that name the file and line. */
final class XmlErrors {
  private XmlErrors() {}

  static FeedException of(String name, XMLStreamException e) {
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

  static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader that already failed can fail again; the first error is the one reported.
      }
    }
  }
}
