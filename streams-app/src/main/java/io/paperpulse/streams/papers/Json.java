package io.paperpulse.streams.papers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The JSON that versions before the binary forms wrote the ranking's records and summaries in
 * (Java records, by Jackson): still read, so topics and state written before an upgrade stay
 * readable; written only to test that.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  static <T> T read(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException e) {
      throw new SerializationException("cannot read a " + type.getSimpleName() + " from JSON: " + e.getMessage(), e);
    }
  }
}
