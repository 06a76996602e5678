package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Sends digests over SMTP (Angus Mail), as multipart/alternative: plain text and HTML. */
public final class SmtpSender implements DigestSender {
  /** The port of SMTP over TLS (implicit TLS), as opposed to STARTTLS on 587. */
  static final int SMTPS_PORT = 465;

  /**
   * SMTP settings, from {@code PAPERPULSE_SMTP_HOST}, {@code _PORT} (default 587), {@code _USER},
   * {@code _PASSWORD} and {@code _FROM} (default {@code paperpulse@localhost}). With a user, the
   * server is asked for STARTTLS when it offers it; port 465 speaks TLS from the start (SMTPS).
   */
  public record Settings(String host, int port, String user, String password, String from) {
    public static Optional<Settings> fromEnvironment(Map<String, String> env) {
      String host = env.get("PAPERPULSE_SMTP_HOST");
      if (host == null || host.isBlank()) {
        return Optional.empty();
      }
      String port = env.getOrDefault("PAPERPULSE_SMTP_PORT", "587").trim();
      int number;
      try {
        number = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("PAPERPULSE_SMTP_PORT must be a port number, not '" + port + "'");
      }
      String from = env.getOrDefault("PAPERPULSE_SMTP_FROM", "paperpulse@localhost");
      return Optional.of(new Settings(host.trim(), number, env.get("PAPERPULSE_SMTP_USER"), env.get("PAPERPULSE_SMTP_PASSWORD"), from));
    }
  }

  private final Settings settings;
  private final Session session;

  public SmtpSender(Settings settings) {
    this.settings = settings;
    Properties props = new Properties();
    props.put("mail.smtp.host", settings.host());
    props.put("mail.smtp.port", String.valueOf(settings.port()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "30000");
    props.put("mail.smtp.writetimeout", "30000");
    if (settings.port() == SMTPS_PORT) {
      props.put("mail.smtp.ssl.enable", "true");
    }
    Authenticator auth = null;
    if (settings.user() != null && !settings.user().isBlank()) {
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.starttls.enable", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(settings.user(), settings.password() == null ? "" : settings.password());
        }
      };
    }
    this.session = Session.getInstance(props, auth);
  }

  @Override
  public void send(Digest digest) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, DigestMail.messageId(digest));
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(digest.getEmail(), true));
    message.setSubject(DigestMail.subject(digest), "UTF-8");
    message.setHeader("X-PaperPulse-Digest", DigestMail.key(digest));
    message.setHeader("List-Unsubscribe", "<" + digest.getUnsubscribeUrl() + ">");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(DigestMail.text(digest), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(DigestMail.html(digest), "UTF-8", "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    Transport.send(message);
  }

  @Override
  public String describe() {
    return "SMTP server " + settings.host() + ":" + settings.port();
  }

  /** A message whose Message-ID is the digest's, not a new one per attempt. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
