package io.paperpulse.producer.feed;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that refuse DTDs and external entities, so XXE and entity-expansion ("billion
 * laughs") inputs fail instead of reading local files or filling memory.
 */
final class SafeXml {
  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  /**
   * A reader over UTF-8 input, decoded strictly here: invalid bytes fail with a clear error, and the
   * JDK's parser never prints its own "[Fatal Error]" lines to stderr.
   */
  static XMLStreamReader open(InputStream in) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(
        new java.io.InputStreamReader(
            in,
            java.nio.charset.StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)));
  }

  /** The text of the current element and its children's text, with nested markup dropped. */
  static String text(XMLStreamReader xml, int maxChars) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      switch (event) {
        case XMLStreamReader.START_ELEMENT -> depth++;
        case XMLStreamReader.END_ELEMENT -> depth--;
        case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE -> {
          if (out.length() < maxChars) {
            out.append(xml.getText(), 0, Math.min(xml.getTextLength(), maxChars - out.length() + 1));
          }
        }
        case XMLStreamReader.ENTITY_REFERENCE ->
            throw new XMLStreamException(
                "entity reference &" + xml.getLocalName() + "; is not allowed", xml.getLocation());
        default -> {}
      }
    }
    return out.toString();
  }

  /** Called at each start element inside the element a walk is in. */
  interface Child {
    void at(String element) throws XMLStreamException;
  }

  /**
   * Walks the elements inside the current one, up to its end, calling {@code child} at each start
   * element. An element whose content {@code child} did not read (with {@link #text}) is walked
   * into, so its own children come next.
   */
  static void children(XMLStreamReader xml, Child child) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamReader.START_ELEMENT) {
        child.at(xml.getLocalName());
        if (xml.getEventType() == XMLStreamReader.START_ELEMENT) {
          depth++;
        }
      }
    }
  }
}
