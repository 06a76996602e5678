package io.paperpulse.producer.feed;

import io.paperpulse.avro.PaperSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trending-papers page saved as text: page-header lines, then a listing date such as "Mar
 * 21" (no year), then blocks separated by blank lines that alternate title and abstract.
 *
 * <p>A block is every non-blank line up to the next blank line. Titles are short, so a "title"
 * block longer than {@link #MAX_TITLE_BLOCK} characters means the alternation was lost: that block
 * is rejected as an abstract without a title and the next block is read as a title again.
 */
final class ListingParser implements FeedParser {
  static final int MAX_LINE_CHARS = 1_000_000;
  private static final int MAX_TITLE_BLOCK = 400;
  private static final Pattern DATE_LINE =
      Pattern.compile("(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})");

  private record Block(long line, String text, long length) {}

  @Override
  public void parse(String name, InputStream in, ParseOptions options, ParseListener listener)
      throws IOException, FeedException {
    LineReader reader = new LineReader(in, MAX_LINE_CHARS);
    LocalDate listingDate = null;
    List<Block> blocks = new ArrayList<>();
    long blockStart = 0;
    StringBuilder block = new StringBuilder();
    long blockLength = 0;
    for (LineReader.Line line; (line = reader.next(name)) != null; ) {
      if (listingDate == null) {
        listingDate = dateOf(name, line, options);
        continue;
      }
      String text = line.tooLong() ? null : line.text().strip();
      if (text != null && text.isEmpty()) {
        if (blockLength > 0) {
          blocks.add(new Block(blockStart, blockLength > MAX_LINE_CHARS ? null : block.toString(), blockLength));
        }
        block.setLength(0);
        blockLength = 0;
        continue;
      }
      if (blockLength == 0) {
        blockStart = line.number();
      }
      blockLength += line.length() + 1;
      if (text != null && blockLength <= MAX_LINE_CHARS) {
        block.append(block.length() == 0 ? "" : " ").append(text);
      }
    }
    if (blockLength > 0) {
      blocks.add(new Block(blockStart, blockLength > MAX_LINE_CHARS ? null : block.toString(), blockLength));
    }
    if (listingDate == null) {
      throw new FeedException(
          name + ": no listing date line (such as 'Mar 21') found: not a trending-papers listing");
    }
    emit(name, blocks, listingDate, options, listener);
  }

  private static LocalDate dateOf(String name, LineReader.Line line, ParseOptions options)
      throws FeedException {
    if (line.tooLong()) {
      return null;
    }
    Matcher m = DATE_LINE.matcher(line.text().strip());
    if (!m.matches()) {
      return null;
    }
    Month month = monthOf(m.group(1));
    try {
      return LocalDate.of(options.effectiveYear(), month, Integer.parseInt(m.group(2)));
    } catch (DateTimeException e) {
      throw new FeedException(
          name + ":" + line.number() + ": not a valid listing date: '" + line.text().strip() + "'");
    }
  }

  private static Month monthOf(String abbreviation) {
    for (Month month : Month.values()) {
      if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbreviation)) {
        return month;
      }
    }
    throw new IllegalArgumentException(abbreviation);
  }

  private static void emit(
      String name, List<Block> blocks, LocalDate date, ParseOptions options, ParseListener listener) {
    Instant ingested = options.clock().instant();
    int i = 0;
    while (i < blocks.size()) {
      Block title = blocks.get(i);
      if (title.text() == null || title.length() > MAX_TITLE_BLOCK) {
        listener.rejected(
            new Rejection(
                name,
                String.valueOf(title.line()),
                "expected a title, found a paragraph of " + title.length() + " characters"));
        i++;
        continue;
      }
      if (i + 1 >= blocks.size()) {
        listener.rejected(
            new Rejection(name, String.valueOf(title.line()), "title without an abstract: '"
                + PaperDraft.shorten(title.text()) + "'"));
        break;
      }
      Block summary = blocks.get(i + 1);
      i += 2;
      if (summary.text() == null) {
        listener.rejected(
            new Rejection(
                name,
                String.valueOf(summary.line()),
                "abstract too long: " + summary.length() + " characters"));
        continue;
      }
      try {
        listener.paper(
            new PaperDraft(PaperSource.LISTING)
                .title(title.text())
                .summary(summary.text())
                .listingDate(date)
                .build(ingested),
            String.valueOf(title.line()));
      } catch (InvalidRecordException e) {
        listener.rejected(new Rejection(name, String.valueOf(title.line()), e.getMessage()));
      }
    }
  }
}
