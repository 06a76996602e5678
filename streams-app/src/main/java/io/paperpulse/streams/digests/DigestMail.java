package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import io.paperpulse.avro.DigestPaper;
import io.paperpulse.avro.DigestSpike;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/** A digest as an e-mail: its subject, a plain-text part and an HTML part. */
public final class DigestMail {
  private DigestMail() {}

  /** The key of a digest on {@code digests} and in the sent log: {@code email|day}. */
  public static String key(Digest digest) {
    return digest.getEmail() + "|" + digest.getDay();
  }

  /**
   * The Message-ID of a digest: the same for every attempt to send it, so a copy sent twice is
   * recognisable as one message.
   */
  public static String messageId(Digest digest) {
    return "<digest-" + HexFormat.of().formatHex(key(digest).getBytes(StandardCharsets.UTF_8)) + "@paperpulse>";
  }

  public static String subject(Digest digest) {
    int n = digest.getPapers().size();
    return String.format(Locale.ROOT, "PaperPulse %s: %d trending paper%s in what you follow", digest.getDay(), n, n == 1 ? "" : "s");
  }

  public static String text(Digest digest) {
    StringBuilder out = new StringBuilder();
    out.append("Trending papers of ").append(digest.getDay()).append(" in what you follow\n\n");
    if (digest.getPapers().isEmpty()) {
      out.append("None of the day's trending papers is in what you follow.\n");
    }
    for (DigestPaper paper : digest.getPapers()) {
      out.append('#').append(paper.getRank()).append(' ').append(paper.getTitle()).append('\n');
      if (!paper.getAuthors().isEmpty()) {
        out.append("   ").append(String.join(", ", paper.getAuthors())).append('\n');
      }
      if (!paper.getMatched().isEmpty()) {
        out.append("   for: ").append(String.join(", ", paper.getMatched())).append('\n');
      }
      if (paper.getUrl() != null) {
        out.append("   ").append(paper.getUrl()).append('\n');
      }
      out.append('\n');
    }
    if (!digest.getSpikes().isEmpty()) {
      out.append("Spikes in your keywords:\n");
      for (DigestSpike spike : digest.getSpikes()) {
        out.append(String.format(Locale.ROOT, "  %s: %d papers (score %.1f)%n", spike.getLabel(), spike.getCount(), spike.getScore()));
      }
      out.append('\n');
    }
    out.append("Unsubscribe: ").append(digest.getUnsubscribeUrl()).append('\n');
    return out.toString();
  }

  public static String html(Digest digest) {
    StringBuilder out = new StringBuilder("<!doctype html><html><body>");
    out.append("<h1>Trending papers of ").append(escape(digest.getDay())).append("</h1>");
    if (digest.getPapers().isEmpty()) {
      out.append("<p>None of the day's trending papers is in what you follow.</p>");
    }
    out.append("<ol>");
    for (DigestPaper paper : digest.getPapers()) {
      String title = escape(paper.getTitle());
      out.append("<li value=\"").append(paper.getRank()).append("\"><strong>")
          .append(paper.getUrl() == null ? title : "<a href=\"" + escape(paper.getUrl()) + "\">" + title + "</a>")
          .append("</strong><br>").append(escape(String.join(", ", paper.getAuthors())))
          .append("<p>").append(escape(paper.getAbstractStart())).append("</p>");
      if (!paper.getMatched().isEmpty()) {
        out.append("<small>for: ").append(escape(String.join(", ", paper.getMatched()))).append("</small>");
      }
      out.append("</li>");
    }
    out.append("</ol>");
    if (!digest.getSpikes().isEmpty()) {
      out.append("<h2>Spikes in your keywords</h2><ul>");
      for (DigestSpike spike : digest.getSpikes()) {
        out.append("<li>").append(escape(spike.getLabel())).append(": ").append(spike.getCount()).append(" papers</li>");
      }
      out.append("</ul>");
    }
    out.append("<p><a href=\"").append(escape(digest.getUnsubscribeUrl())).append("\">Unsubscribe</a></p></body></html>");
    return out.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
