package io.paperpulse.producer.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads a Python literal as printed by {@code repr()} (dicts, lists, tuples, quoted strings, numbers,
 * True, False, None) into a JSON tree.
 *
 * <p>Some Hugging Face payloads in the wild hold each paper as the {@code repr()} of a Python dict
 * instead of a JSON object; reading them recovers those papers instead of losing the whole day.
 */
final class PythonLiteral {
  private static final int MAX_DEPTH = 64;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** Parses the whole text as one literal. */
  static JsonNode parse(String text) throws InvalidRecordException {
    PythonLiteral p = new PythonLiteral(text);
    JsonNode value = p.value(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the value");
    }
    return value;
  }

  private JsonNode value(int depth) throws InvalidRecordException {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return dict(depth);
      case '[':
        return sequence(']', depth);
      case '(':
        return sequence(')', depth);
      case '\'':
      case '"':
        return NODES.textNode(string());
      default:
        break;
    }
    if (text.startsWith("True", pos)) {
      pos += 4;
      return NODES.booleanNode(true);
    }
    if (text.startsWith("False", pos)) {
      pos += 5;
      return NODES.booleanNode(false);
    }
    if (text.startsWith("None", pos)) {
      pos += 4;
      return NODES.nullNode();
    }
    if (c == '-' || c == '+' || Character.isDigit(c)) {
      return number();
    }
    throw error("unexpected character '" + c + "'");
  }

  private ObjectNode dict(int depth) throws InvalidRecordException {
    ObjectNode node = NODES.objectNode();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return node;
    }
    while (true) {
      JsonNode key = value(depth + 1);
      if (!key.isValueNode()) {
        throw error("dict key is not a string or number");
      }
      skipSpace();
      expect(':');
      node.set(key.asText(), value(depth + 1));
      skipSpace();
      char c = next();
      if (c == '}') {
        return node;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
      skipSpace();
      if (peek() == '}') {
        pos++;
        return node;
      }
    }
  }

  private ArrayNode sequence(char close, int depth) throws InvalidRecordException {
    ArrayNode node = NODES.arrayNode();
    pos++;
    skipSpace();
    if (peek() == close) {
      pos++;
      return node;
    }
    while (true) {
      node.add(value(depth + 1));
      skipSpace();
      char c = next();
      if (c == close) {
        return node;
      }
      if (c != ',') {
        throw error("expected ',' or '" + close + "'");
      }
      skipSpace();
      if (peek() == close) {
        pos++;
        return node;
      }
    }
  }

  private String string() throws InvalidRecordException {
    char quote = next();
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == quote) {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case '0' -> out.append('\0');
        case 'x' -> out.appendCodePoint(hex(2));
        case 'u' -> out.appendCodePoint(hex(4));
        case 'U' -> out.appendCodePoint(hex(8));
        case '\n' -> {}
        default -> out.append(e);
      }
    }
  }

  private int hex(int digits) throws InvalidRecordException {
    if (pos + digits > text.length()) {
      throw error("unexpected end in escape");
    }
    try {
      int cp = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
      if (!Character.isValidCodePoint(cp)) {
        throw error("invalid code point in escape");
      }
      pos += digits;
      return cp;
    } catch (NumberFormatException e) {
      throw error("invalid escape");
    }
  }

  private JsonNode number() throws InvalidRecordException {
    int start = pos;
    pos++;
    while (pos < text.length() && "0123456789.eE+-_".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String digits = text.substring(start, pos).replace("_", "");
    try {
      if (digits.matches("[+-]?\\d+")) {
        return NODES.numberNode(new BigInteger(digits));
      }
      return NODES.numberNode(new BigDecimal(digits));
    } catch (NumberFormatException e) {
      throw error("invalid number '" + digits + "'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() throws InvalidRecordException {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) throws InvalidRecordException {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private InvalidRecordException error(String what) {
    return new InvalidRecordException(
        "not a valid Python literal at character " + pos + ": " + what);
  }
}
