package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends each digest, as its plain-text e-mail, to a file: the default when no SMTP server is set. */
public final class FileSender implements DigestSender {
  private final Path file;

  public FileSender(Path file) {
    this.file = file;
  }

  @Override
  public void send(Digest digest) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String entry = "To: " + digest.getEmail() + "\nSubject: " + DigestMail.subject(digest) + "\n\n" + DigestMail.text(digest) + "\n-----\n";
    Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override
  public String describe() {
    return "the file " + file.toAbsolutePath();
  }
}
