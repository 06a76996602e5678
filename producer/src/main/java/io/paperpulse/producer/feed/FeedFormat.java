package io.paperpulse.producer.feed;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The feed formats PaperPulse reads, and how to tell them apart from the first bytes. */
public enum FeedFormat {
  /** A trending-papers page saved as text: header lines, a date like "Mar 21", titles and abstracts. */
  LISTING,
  /** arXiv API responses: Atom 1.0 with opensearch and arxiv extensions. */
  ARXIV_ATOM,
  /** Daily arXiv listings as JSON lines, one paper a line, the file named by its day. */
  ARXIV_DAILY,
  /** Hugging Face {@code /api/daily_papers} payloads. */
  HF_DAILY,
  /** OAI-PMH ListRecords pages in the arXivRaw metadata format. */
  OAI_PMH;

  private static final Pattern XML_ROOT =
      Pattern.compile("<(?![?!])(?:[\\w\\-]+:)?([\\w\\-]+)");

  /**
   * Tells the format from the file name (without a .gz suffix) and the first characters of the
   * decompressed content.
   */
  public static FeedFormat detect(String name, String head) throws FeedException {
    if (isJsonLinesName(name)) {
      return ARXIV_DAILY;
    }
    String text = head.stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).stripLeading();
    }
    if (text.startsWith("<")) {
      Matcher root = XML_ROOT.matcher(text);
      String element = root.find() ? root.group(1) : "";
      return switch (element) {
        case "feed" -> ARXIV_ATOM;
        case "OAI-PMH" -> OAI_PMH;
        default ->
            throw new FeedException(
                "unknown XML feed: root element <" + element + ">, expected <feed> or <OAI-PMH>");
      };
    }
    if (text.startsWith("[")) {
      return HF_DAILY;
    }
    if (text.startsWith("{")) {
      int eol = text.indexOf('\n');
      String firstLine = (eol < 0 ? text : text.substring(0, eol)).strip();
      return firstLine.endsWith("}") && !isDailyPapersObject(firstLine) ? ARXIV_DAILY : HF_DAILY;
    }
    if (text.isEmpty()) {
      throw new FeedException("empty input");
    }
    return LISTING;
  }

  /** Whether a file name (without a .gz suffix) alone makes the file a daily JSON-lines listing. */
  static boolean isJsonLinesName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
  }

  /** Whether one line of JSON is a whole daily_papers payload or item rather than an arXiv record. */
  private static boolean isDailyPapersObject(String line) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = Json.MAPPER.readTree(line);
      return node.has("data") || node.has("paper");
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
