package io.paperpulse.streams.digests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperpulse.avro.Digest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpSenderTest {
  @Test
  void theSettingsComeFromTheEnvironmentWithDefaults() {
    assertThat(SmtpSender.Settings.fromEnvironment(Map.of())).isEmpty();
    assertThat(SmtpSender.Settings.fromEnvironment(Map.of("PAPERPULSE_SMTP_HOST", " mail.example.org ")))
        .contains(new SmtpSender.Settings("mail.example.org", 587, null, null, "paperpulse@localhost"));
    assertThatThrownBy(() -> SmtpSender.Settings.fromEnvironment(Map.of("PAPERPULSE_SMTP_HOST", "h", "PAPERPULSE_SMTP_PORT", "smtp")))
        .hasMessage("PAPERPULSE_SMTP_PORT must be a port number, not 'smtp'");
  }

  @Test
  void aSenderWithAUserLogsInAndSendsFromTheConfiguredAddress() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.setUser("digests@paperpulse.test", "mailer", "secret");
    smtp.start();
    try {
      SmtpSender sender = new SmtpSender(new SmtpSender.Settings("127.0.0.1", smtp.getSmtp().getPort(), "mailer", "secret", "digests@paperpulse.test"));
      sender.send(new Digest("ada@example.org", "2025-03-20", List.of(), List.of(), "http://localhost:8080/u"));

      MimeMessage[] received = smtp.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getFrom()[0].toString()).isEqualTo("digests@paperpulse.test");
      assertThat(received[0].getHeader("List-Unsubscribe", null)).isEqualTo("<http://localhost:8080/u>");
      assertThat(sender.describe()).isEqualTo("SMTP server 127.0.0.1:" + smtp.getSmtp().getPort());

      SmtpSender wrongPassword = new SmtpSender(new SmtpSender.Settings("127.0.0.1", smtp.getSmtp().getPort(), "mailer", "guess", "digests@paperpulse.test"));
      assertThatThrownBy(() -> wrongPassword.send(new Digest("bob@example.org", "2025-03-20", List.of(), List.of(), "http://localhost:8080/u")))
          .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
    } finally {
      smtp.stop();
    }
  }
}
