package io.paperpulse.streams.digests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.Subscription;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.subjects.Taxonomy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/subscriptions/{email}} checked and turned into a {@link Subscription}:
 * {@code {"keywords": [...], "topics": [...], "everything": false}}, where {@code topics} lists
 * subjects (the field keeps its name for existing clients). Anything wrong is a {@link
 * RequestRejected} saying what.
 */
public final class SubscriptionRequest {
  public static final int MAX_BODY_BYTES = 4 * 1024;
  public static final int MAX_KEYWORDS = 20;
  public static final int MAX_KEYWORD_CHARS = 100;
  static final int MAX_EMAIL_CHARS = 254;
  private static final Pattern EMAIL =
      Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
  private static final Set<String> FIELDS = Set.of("keywords", "topics", "everything");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SubscriptionRequest() {}

  /** The address lower-cased, or a 400 when it is not a plain {@code name@domain.tld}. */
  public static String email(String address) {
    String email = address.trim().toLowerCase(Locale.ROOT);
    if (email.length() > MAX_EMAIL_CHARS || !EMAIL.matcher(email).matches() || email.contains("..")) {
      throw new RequestRejected(400, "'" + shorten(address) + "' is not a valid e-mail address (expected name@domain.tld)");
    }
    return email;
  }

  /** The subscription a request body asks for. */
  public static Subscription parse(String address, byte[] body, Instant now) {
    String email = email(address);
    if (body.length > MAX_BODY_BYTES) {
      throw new RequestRejected(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RequestRejected(400, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new RequestRejected(400, "the body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new RequestRejected(400, "the body must be a JSON object with keywords, topics and everything");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new RequestRejected(400, "unknown field '" + shorten(name) + "'; the fields are keywords, topics and everything");
      }
    }
    JsonNode everything = node.path("everything");
    if (!everything.isMissingNode() && !everything.isBoolean()) {
      throw new RequestRejected(400, "everything must be true or false");
    }
    List<String> keywords = keywords(strings(node.path("keywords"), "keywords"));
    List<String> subjects = subjects(strings(node.path("topics"), "topics"));
    if (keywords.isEmpty() && subjects.isEmpty() && !everything.asBoolean(false)) {
      throw new RequestRejected(400, "follow at least one keyword or subject, or set everything to true");
    }
    return Subscription.newBuilder()
        .setEmail(email)
        .setKeywords(keywords)
        .setSubjects(subjects)
        .setEverything(everything.asBoolean(false))
        .setCreated(now)
        .build();
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new RequestRejected(400, field + " must be an array of strings");
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new RequestRejected(400, field + " must be an array of strings, not hold " + item.getNodeType());
      }
      out.add(item.asText());
    }
    return out;
  }

  private static List<String> keywords(List<String> typed) {
    if (typed.size() > MAX_KEYWORDS) {
      throw new RequestRejected(400, "at most " + MAX_KEYWORDS + " keywords, not " + typed.size());
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String phrase : typed) {
      if (phrase.length() > MAX_KEYWORD_CHARS) {
        throw new RequestRejected(400, "a keyword has at most " + MAX_KEYWORD_CHARS + " characters, not " + phrase.length());
      }
      String key = MentionTerms.keyOf(phrase);
      if (key.isEmpty()) {
        throw new RequestRejected(400, "the keyword '" + phrase + "' has no words");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  private static List<String> subjects(List<String> typed) {
    Set<String> known = Taxonomy.allSubjects();
    Set<String> subjects = new LinkedHashSet<>();
    for (String subject : typed) {
      if (!known.contains(subject)) {
        throw new RequestRejected(400, "unknown subject '" + shorten(subject) + "' in topics; GET /api/subjects lists the subjects, e.g. 'Machine Learning'");
      }
      subjects.add(subject);
    }
    return List.copyOf(subjects);
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
