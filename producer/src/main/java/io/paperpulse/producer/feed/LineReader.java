package io.paperpulse.producer.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines with their numbers, never holding more than a set number of characters of one
 * line: a longer line is skipped to its end and reported as too long. Invalid UTF-8 fails the whole
 * input with the line it was found on, since nothing after it can be trusted.
 */
final class LineReader {
  /** One line of input, or a line too long to keep ({@code text} is then null). */
  record Line(long number, String text, long length) {
    boolean tooLong() {
      return text == null;
    }
  }

  private final Reader reader;
  private final int maxChars;
  private final StringBuilder buf = new StringBuilder();
  private long lineNumber;
  private boolean eof;
  private boolean pendingCr;

  LineReader(InputStream in, int maxChars) {
    this.reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of input. */
  Line next(String name) throws IOException, FeedException {
    if (eof) {
      return null;
    }
    buf.setLength(0);
    long length = 0;
    try {
      while (true) {
        int c = reader.read();
        if (c < 0) {
          eof = true;
          if (length == 0) {
            return null;
          }
          break;
        }
        if (pendingCr) {
          pendingCr = false;
          if (c == '\n') {
            continue;
          }
        }
        if (c == '\n' || c == '\r') {
          pendingCr = c == '\r';
          break;
        }
        length++;
        if (length <= maxChars) {
          buf.append((char) c);
        }
      }
    } catch (CharacterCodingException e) {
      throw new FeedException(name + ":" + (lineNumber + 1) + ": invalid UTF-8", e);
    }
    lineNumber++;
    return new Line(lineNumber, length > maxChars ? null : buf.toString(), length);
  }
}
