package io.paperpulse.streams.digests;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe tokens: HMAC-SHA256 of the lower-cased address under a secret, URL-safe Base64.
 * Whoever knows the secret can make a token; nobody else can guess one.
 */
public final class UnsubscribeTokens {
  /** The environment variable holding the secret, shared by every instance. */
  public static final String SECRET_VARIABLE = "PAPERPULSE_DIGEST_SECRET";
  /** The file in the data directory that holds a generated secret when the variable is unset. */
  public static final String SECRET_FILE = "digest-secret";
  /** The environment variable holding the API's address as subscribers reach it, for the links. */
  public static final String PUBLIC_URL_VARIABLE = "PAPERPULSE_PUBLIC_URL";
  static final int MIN_SECRET_BYTES = 16;

  private final byte[] secret;

  public UnsubscribeTokens(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the digest secret needs at least " + MIN_SECRET_BYTES + " bytes, not " + secret.length);
    }
    this.secret = secret.clone();
  }

  /**
   * The secret of {@link #SECRET_VARIABLE} when set, else the one in {@code dataDir/digest-secret},
   * generated (32 random bytes, readable by the owner only) on first use.
   */
  public static UnsubscribeTokens configured(Map<String, String> env, Path dataDir) throws IOException {
    String configured = env.get(SECRET_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return new UnsubscribeTokens(configured.trim().getBytes(StandardCharsets.UTF_8));
    }
    Path file = dataDir.resolve(SECRET_FILE);
    if (!Files.exists(file)) {
      byte[] generated = new byte[32];
      new SecureRandom().nextBytes(generated);
      Files.createDirectories(dataDir);
      Files.writeString(file, Base64.getEncoder().encodeToString(generated));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own permissions apply
      }
    }
    return new UnsubscribeTokens(Base64.getDecoder().decode(Files.readString(file).trim()));
  }

  /** The base of unsubscribe links: {@link #PUBLIC_URL_VARIABLE} when set, else {@code fallback}. */
  public static String publicUrl(Map<String, String> env, String fallback) {
    String configured = env.get(PUBLIC_URL_VARIABLE);
    return configured == null || configured.isBlank() ? fallback : configured.trim();
  }

  /** The token for {@code email}. */
  public String tokenFor(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] sum = mac.doFinal(SubscriptionRequest.email(email).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  /** The unsubscribe link of {@code email} on the API at {@code baseUrl}, e.g. http://localhost:8080. */
  public String linkFor(String baseUrl, String email) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + "/api/subscriptions/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/unsubscribe?token=" + tokenFor(email);
  }

  /** Whether {@code token} is the one for {@code email}, compared in constant time. */
  public boolean valid(String email, String token) {
    if (token == null || token.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        tokenFor(email).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
  }
}
