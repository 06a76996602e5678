package io.paperpulse.common;

import io.apicurio.registry.serde.avro.AvroDatumProvider;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;

/**
 * Apicurio's default datum provider, with the reader and the writer it made last kept for the
 * schema object they were made for. The default finds its cached reader or writer by the
 * schema's parsing fingerprint, which it computes again for every record; a serde sees the same
 * schema object record after record, so a check of identity finds them without that work. Any
 * other schema goes to the default, as before. Set as {@value #CONFIG}.
 */
public final class SchemaBoundDatumProvider<T> implements AvroDatumProvider<T> {
  /** The Apicurio serde setting that names the datum provider. */
  public static final String CONFIG = AvroSerdeConfig.AVRO_DATUM_PROVIDER;

  private final AvroDatumProvider<T> made;
  private volatile Bound<DatumWriter<T>> writer;
  private volatile Bound<DatumReader<T>> reader;

  /** As Apicurio makes it, from the class name in {@value #CONFIG}. */
  public SchemaBoundDatumProvider() {
    this(new DefaultAvroDatumProvider<>());
  }

  SchemaBoundDatumProvider(AvroDatumProvider<T> made) {
    this.made = made;
  }

  /** A reader or writer and what it was made for: a schema object, and the class of the data written. */
  private record Bound<D>(Schema schema, Class<?> type, D datum) {}

  @Override
  public void configure(AvroSerdeConfig config) {
    made.configure(config);
  }

  @Override
  public DatumWriter<T> createDatumWriter(T data, Schema schema) {
    Bound<DatumWriter<T>> last = writer;
    Class<?> type = data == null ? null : data.getClass();
    if (last != null && last.schema() == schema && last.type() == type) {
      return last.datum();
    }
    DatumWriter<T> datum = made.createDatumWriter(data, schema);
    writer = new Bound<>(schema, type, datum);
    return datum;
  }

  @Override
  public DatumReader<T> createDatumReader(Schema schema) {
    Bound<DatumReader<T>> last = reader;
    if (last != null && last.schema() == schema) {
      return last.datum();
    }
    DatumReader<T> datum = made.createDatumReader(schema);
    reader = new Bound<>(schema, null, datum);
    return datum;
  }

  @Override
  public Schema toSchema(T data) {
    return made.toSchema(data);
  }
}
