package io.paperpulse.producer.feed;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.PaperLinks;
import io.paperpulse.avro.PaperSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a parser found for one record, before they are checked and normalised into a {@link
 * Paper}. Parsers fill a draft and call {@link #build}; every rule about ids, sizes and links lives
 * here so that all feeds follow the same ones.
 */
public final class PaperDraft {
  public static final int MAX_TITLE_CHARS = 1_000;
  public static final int MAX_ABSTRACT_CHARS = 20_000;
  public static final int MAX_AUTHORS = 10_000; // large collaborations list several thousand
  public static final int MAX_AUTHOR_CHARS = 300;
  public static final int MAX_CATEGORIES = 50;
  public static final int MAX_URL_CHARS = 2_000;

  /** New-style (2503.16416v2) and old-style (astro-ph/0601001v1, math.AG/0501001) arXiv ids. */
  private static final Pattern ARXIV_ID =
      Pattern.compile("(\\d{4}\\.\\d{4,5}|[a-z][a-z\\-]*(?:\\.[A-Z]{2})?/\\d{7})(v\\d+)?");

  private static final Pattern ARXIV_URL =
      Pattern.compile("arxiv\\.org/(?:abs|pdf)/([^?#\\s]+?)(?:\\.pdf)?(?:[?#].*)?$");

  private static final Pattern CODE_URL =
      Pattern.compile(
          "https?://(?:www\\.)?(?:github\\.com|gitlab\\.com|bitbucket\\.org|codeberg\\.org)"
              + "/[A-Za-z0-9_.\\-]+/[A-Za-z0-9_.\\-]+");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final PaperSource source;
  private String arxivId;
  private String sourceId;
  private String title;
  private String summary = "";
  private final List<String> authors = new ArrayList<>();
  private final List<String> categories = new ArrayList<>();
  private String absUrl;
  private String pdfUrl;
  private final Set<String> codeUrls = new LinkedHashSet<>();
  private Instant published;
  private LocalDate listingDate;
  private Integer upvotes;
  private Integer commentCount;

  public PaperDraft(PaperSource source) {
    this.source = source;
  }

  /** The arXiv id with or without version, or an arXiv abs/pdf URL; ignored when blank. */
  public PaperDraft arxivId(String idOrUrl) throws InvalidRecordException {
    if (idOrUrl == null || idOrUrl.isBlank()) {
      return this;
    }
    String candidate = idOrUrl.trim();
    Matcher url = ARXIV_URL.matcher(candidate);
    if (url.find()) {
      candidate = url.group(1);
    }
    Matcher id = ARXIV_ID.matcher(candidate);
    if (!id.matches()) {
      throw new InvalidRecordException("not an arXiv id: '" + shorten(candidate) + "'");
    }
    this.arxivId = id.group(1);
    if (sourceId == null) {
      this.sourceId = candidate;
    }
    return this;
  }

  public PaperDraft sourceId(String sourceId) {
    this.sourceId = blankToNull(sourceId);
    return this;
  }

  public PaperDraft title(String title) {
    this.title = title;
    return this;
  }

  public PaperDraft summary(String summary) {
    this.summary = summary == null ? "" : summary;
    return this;
  }

  public PaperDraft author(String name) {
    if (name != null && !name.isBlank()) {
      authors.add(fold(name));
    }
    return this;
  }

  public PaperDraft category(String category) {
    if (category != null && !category.isBlank() && !categories.contains(category.trim())) {
      categories.add(category.trim());
    }
    return this;
  }

  public PaperDraft absUrl(String url) {
    this.absUrl = blankToNull(url);
    return this;
  }

  public PaperDraft pdfUrl(String url) {
    this.pdfUrl = blankToNull(url);
    return this;
  }

  public PaperDraft codeUrl(String url) {
    if (url != null && !url.isBlank()) {
      codeUrls.add(trimUrl(url.trim()));
    }
    return this;
  }

  /** Keeps the code repository URLs found in a free-text field such as an arXiv comment. */
  public PaperDraft codeUrlsIn(String text) {
    if (text != null) {
      for (Matcher m = CODE_URL.matcher(text); m.find(); ) {
        codeUrls.add(trimUrl(m.group()));
      }
    }
    return this;
  }

  public PaperDraft published(Instant published) {
    this.published = published;
    return this;
  }

  public PaperDraft listingDate(LocalDate listingDate) {
    this.listingDate = listingDate;
    return this;
  }

  /** Upvotes on the paper, or null when the feed has none. */
  public PaperDraft upvotes(Integer upvotes) {
    this.upvotes = upvotes;
    return this;
  }

  /** Comments on the paper, or null when the feed has none. */
  public PaperDraft commentCount(Integer commentCount) {
    this.commentCount = commentCount;
    return this;
  }

  /** Checks the draft and returns the paper, or says why the record is not usable. */
  public Paper build(Instant ingested) throws InvalidRecordException {
    String cleanTitle = fold(title);
    if (cleanTitle.isEmpty()) {
      throw new InvalidRecordException("missing title");
    }
    String cleanSummary = fold(summary);
    checkLength("title", cleanTitle, MAX_TITLE_CHARS);
    checkLength("abstract", cleanSummary, MAX_ABSTRACT_CHARS);
    if (authors.size() > MAX_AUTHORS) {
      throw new InvalidRecordException(
          "too many authors: " + authors.size() + " (limit " + MAX_AUTHORS + ")");
    }
    for (String author : authors) {
      checkLength("author name", author, MAX_AUTHOR_CHARS);
    }
    if (categories.size() > MAX_CATEGORIES) {
      throw new InvalidRecordException(
          "too many categories: " + categories.size() + " (limit " + MAX_CATEGORIES + ")");
    }
    Instant eventTime = published;
    if (eventTime == null && listingDate != null) {
      eventTime = listingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (eventTime == null) {
      throw new InvalidRecordException("no publication time and no listing date");
    }
    if (eventTime.isBefore(EARLIEST) || eventTime.isAfter(ingested.plusSeconds(2 * 86_400))) {
      throw new InvalidRecordException("publication time out of range: " + eventTime);
    }
    codeUrlsIn(cleanSummary);
    String abs = absUrl != null ? absUrl : arxivId == null ? null : "https://arxiv.org/abs/" + arxivId;
    for (String url : codeUrls) {
      checkLength("code URL", url, MAX_URL_CHARS);
    }
    return Paper.newBuilder()
        .setId(arxivId != null ? arxivId : titleId(cleanTitle))
        .setSource(source)
        .setSourceId(sourceId)
        .setTitle(cleanTitle)
        .setAbstract$(cleanSummary)
        .setAuthors(List.copyOf(authors))
        .setCategories(List.copyOf(categories))
        .setLinks(
            PaperLinks.newBuilder()
                .setAbs(checkUrl("abs URL", abs))
                .setPdf(checkUrl("pdf URL", pdfUrl))
                .setCode(List.copyOf(codeUrls))
                .build())
        .setPublished(eventTime)
        .setListingDate(listingDate)
        .setIngested(ingested)
        .setUpvotes(upvotes)
        .setCommentCount(commentCount)
        .build();
  }

  /** The first day arXiv listed papers; anything earlier is a bad date, not an old paper. */
  private static final Instant EARLIEST = Instant.parse("1991-01-01T00:00:00Z");

  /**
   * Id of a paper that has no arXiv id: {@code t:} and 16 hex digits of the SHA-256 of its title,
   * lower-cased with every run of non-alphanumerics folded to one space, so the same paper listed
   * twice gets the same key.
   */
  public static String titleId(String title) {
    String normal =
        NOT_ALNUM
            .matcher(Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT))
            .replaceAll(" ")
            .trim();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
      return "t:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Folds every run of whitespace to one space and trims; null becomes empty. */
  public static String fold(String text) {
    return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").trim();
  }

  private static String trimUrl(String url) {
    String u = url;
    while (!u.isEmpty() && ".,;:)]}'\"".indexOf(u.charAt(u.length() - 1)) >= 0) {
      u = u.substring(0, u.length() - 1);
    }
    if (u.endsWith(".git")) {
      u = u.substring(0, u.length() - 4);
    }
    return u;
  }

  private static String checkUrl(String what, String url) throws InvalidRecordException {
    if (url != null) {
      checkLength(what, url, MAX_URL_CHARS);
    }
    return url;
  }

  private static void checkLength(String what, String value, int max) throws InvalidRecordException {
    if (value.length() > max) {
      throw new InvalidRecordException(
          what + " too long: " + value.length() + " characters (limit " + max + ")");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
