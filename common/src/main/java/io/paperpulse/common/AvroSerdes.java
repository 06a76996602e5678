package io.paperpulse.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Avro binary with no registry and no header: for the streams app's state stores and their
 * changelogs, which only the streams app reads, and for topology tests.
 */
public final class AvroSerdes {
  private AvroSerdes() {}

  public static <T extends SpecificRecord> Serde<T> plain(Class<T> type) {
    SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(type);
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream(256);
          BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
          try {
            writer.write(value, encoder);
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
          }
          return out.toByteArray();
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
          try {
            return reader.read(null, decoder);
          } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
          }
        });
  }
}
