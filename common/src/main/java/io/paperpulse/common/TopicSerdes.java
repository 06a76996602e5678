package io.paperpulse.common;

import io.apicurio.registry.serde.avro.AvroSerde;
import io.paperpulse.common.config.PaperPulseConfig;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes for values on PaperPulse's topics. In production they go through the schema registry
 * and write the Confluent wire format; topology tests use plain Avro.
 */
public interface TopicSerdes {
  <T extends SpecificRecord> Serde<T> value(Class<T> type);

  /** Registry-backed serdes: magic byte, 4-byte schema id, Avro binary; one self-contained schema a registry subject. */
  static TopicSerdes registry(PaperPulseConfig config) {
    Map<String, Object> props =
        Map.of(
            "apicurio.registry.url", config.registryApiUrl(),
            "apicurio.registry.auto-register", true,
            "apicurio.registry.dereference-schema", true,
            "apicurio.registry.use-specific-avro-reader", true,
            SchemaBoundDatumProvider.CONFIG, SchemaBoundDatumProvider.class.getName());
    return new TopicSerdes() {
      @Override
      public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(props, false);
        return serde;
      }
    };
  }

  /** Plain Avro binary, for tests without a registry. */
  public static TopicSerdes plain() {
    return AvroSerdes::plain;
  }
}
