package io.paperpulse.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.paperpulse.avro.TopicCount;
import io.paperpulse.avro.Watch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class SchemaBoundDatumProviderTest {
  private final SchemaBoundDatumProvider<Object> provider = new SchemaBoundDatumProvider<>();

  @Test
  void theDefaultIsAskedOnceForASchemaSeenRecordAfterRecord() {
    Counting counting = new Counting();
    SchemaBoundDatumProvider<Object> bound = new SchemaBoundDatumProvider<>(counting);
    Watch watch = watch();
    Schema schema = Watch.getClassSchema();
    DatumWriter<Object> writer = bound.createDatumWriter(watch, schema);
    DatumReader<Object> reader = bound.createDatumReader(schema);
    for (int i = 0; i < 3; i++) {
      assertThat(bound.createDatumWriter(watch, schema)).isSameAs(writer);
      assertThat(bound.createDatumReader(schema)).isSameAs(reader);
    }
    assertThat(counting.writers).isEqualTo(1);
    assertThat(counting.readers).isEqualTo(1);
  }

  @Test
  void anotherSchemaGoesToTheDefault() {
    Counting counting = new Counting();
    SchemaBoundDatumProvider<Object> bound = new SchemaBoundDatumProvider<>(counting);
    Schema watch = Watch.getClassSchema();
    Schema count = TopicCount.getClassSchema();
    DatumReader<Object> first = bound.createDatumReader(watch);
    DatumReader<Object> other = bound.createDatumReader(count);
    assertThat(other).isNotSameAs(first);
    assertThat(((GenericDatumReader<Object>) other).getSchema()).isSameAs(count);
    assertThat(((GenericDatumReader<Object>) bound.createDatumReader(watch)).getSchema()).isSameAs(watch);
    assertThat(bound.createDatumReader(new Schema.Parser().parse(watch.toString()))).isNotNull();
    assertThat(counting.readers).isEqualTo(4);
  }

  @Test
  void whatItsWriterWritesItsReaderReadsBack() throws IOException {
    Watch watch = watch();
    Schema schema = provider.toSchema(watch);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    provider.createDatumWriter(watch, schema).write(watch, encoder);
    encoder.flush();
    Object read = provider.createDatumReader(schema).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    assertThat(read.toString()).isEqualTo(watch.toString());
  }

  private static Watch watch() {
    return Watch.newBuilder().setKeyword("kv cache").setOwner("ada").build();
  }

  /** The default provider, counting what it is asked for. */
  private static final class Counting extends DefaultAvroDatumProvider<Object> {
    int writers;
    int readers;

    @Override
    public DatumWriter<Object> createDatumWriter(Object data, Schema schema) {
      writers++;
      return super.createDatumWriter(data, schema);
    }

    @Override
    public DatumReader<Object> createDatumReader(Schema schema) {
      readers++;
      return super.createDatumReader(schema);
    }
  }
}
