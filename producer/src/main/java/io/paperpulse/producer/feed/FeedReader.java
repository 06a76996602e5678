package io.paperpulse.producer.feed;

import io.paperpulse.avro.Paper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Opens feed files, gzip-compressed or not, tells their format and hands them to the right parser.
 */
public final class FeedReader {
  private static final int DETECT_BYTES = 4_096;

  private final Map<FeedFormat, FeedParser> parsers = new EnumMap<>(FeedFormat.class);
  private final ParseOptions options;

  public FeedReader(ParseOptions options) {
    this.options = options;
    parsers.put(FeedFormat.LISTING, new ListingParser());
    parsers.put(FeedFormat.ARXIV_ATOM, new ArxivAtomParser());
    parsers.put(FeedFormat.ARXIV_DAILY, new ArxivDailyParser());
    parsers.put(FeedFormat.HF_DAILY, new HfDailyParser());
    parsers.put(FeedFormat.OAI_PMH, new OaiPmhParser());
  }

  /** The regular files to read for the given paths: files as given, directories walked in name order. */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or directory");
      }
    }
    return files;
  }

  /**
   * Reads one file.
   *
   * @return the format it was read as
   * @throws FeedException when the file as a whole is not a feed (its records are then not read)
   */
  public FeedFormat read(Path file, ParseListener listener) throws IOException, FeedException {
    String name = file.toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream decoded = gzip ? new GZIPInputStream(raw, 65_536) : raw;
      BufferedInputStream in =
          new BufferedInputStream(new LimitedInputStream(decoded, options.maxInputBytes()), 65_536);
      FeedFormat format = FeedFormat.detect(baseName(file), peek(in));
      parsers.get(format).parse(name, in, options, listener);
      return format;
    } catch (LimitedInputStream.TooLargeException e) {
      throw new FeedException(e.getMessage(), e);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new FeedException("corrupt gzip data: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every file of {@code inputs} (files, or folders walked in name order), handing each
   * paper to {@code papers} in file order.
   *
   * @return how many records were rejected, plus one for each file that is not a feed as a whole
   */
  public long readAll(List<Path> inputs, Consumer<Paper> papers) throws IOException {
    long[] rejected = new long[1];
    ParseListener listener = new ParseListener() {
      @Override
      public void paper(Paper paper, String location) {
        papers.accept(paper);
      }

      @Override
      public void rejected(Rejection rejection) {
        rejected[0]++;
      }
    };
    for (Path file : expand(inputs)) {
      try {
        read(file, listener);
      } catch (FeedException e) {
        rejected[0]++;
      }
    }
    return rejected[0];
  }

  /**
   * The day that dates every paper of {@code file} when its name alone tells it: a daily arXiv
   * listing in JSON lines named by its day, such as {@code 2025-03-18.jsonl.gz}. Its records carry
   * no time of their own, so each paper read from it is published at the start (UTC) of that day.
   * Empty for every other file, and for a name whose date does not exist (reading such a file
   * fails as a whole).
   */
  public static Optional<LocalDate> listingDayFromName(Path file) {
    if (!FeedFormat.isJsonLinesName(baseName(file))) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(ArxivDailyParser.dayInName(file.toString()));
    } catch (FeedException e) {
      return Optional.empty();
    }
  }

  /** The file's name without a .gz suffix. */
  private static String baseName(Path file) {
    return file.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
  }

  private static String peek(BufferedInputStream in) throws IOException {
    in.mark(DETECT_BYTES);
    byte[] head = in.readNBytes(DETECT_BYTES);
    in.reset();
    return new String(head, StandardCharsets.UTF_8);
  }
}
