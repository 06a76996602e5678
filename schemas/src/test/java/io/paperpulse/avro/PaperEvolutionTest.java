package io.paperpulse.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * Paper v2 (upvotes, commentCount) against v1, through Avro's own schema resolution: the current
 * schema reads v1 data with the new fields at their defaults (BACKWARD), and a consumer still
 * holding v1 reads current data without them (FORWARD).
 */
class PaperEvolutionTest {
  private static final Schema CURRENT = Paper.getClassSchema();
  private static final Schema V1 = parse("history/Paper/v1.avsc");

  @Test
  void theCurrentSchemaAndV1ReadEachOthersData() {
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, V1).getType())
        .as("BACKWARD: the current schema reads v1 data")
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(V1, CURRENT).getType())
        .as("FORWARD: v1 reads data of the current schema")
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void aV1PaperReadsWithoutUpvotesOrComments() throws IOException {
    Instant published = Instant.parse("2025-03-18T00:00:00Z");
    GenericRecord written =
        new GenericRecordBuilder(V1)
            .set("id", "2503.11731")
            .set("source", new GenericData.EnumSymbol(V1.getField("source").schema(), "ARXIV_DAILY"))
            .set("title", "Industrial-Grade Sensor Simulation via Gaussian Splatting")
            .set("abstract", "Sensor simulation is pivotal.")
            .set("authors", List.of("Xianming Zeng"))
            .set("links", new GenericRecordBuilder(V1.getField("links").schema()).build())
            .set("published", published.toEpochMilli())
            .set("listingDate", (int) LocalDate.of(2025, 3, 18).toEpochDay())
            .set("ingested", published.toEpochMilli())
            .build();

    Paper read =
        new SpecificDatumReader<Paper>(V1, CURRENT)
            .read(null, DecoderFactory.get().binaryDecoder(bytes(new GenericDatumWriter<>(V1), written), null));

    assertThat(read.getId()).isEqualTo("2503.11731");
    assertThat(read.getSource()).isEqualTo(PaperSource.ARXIV_DAILY);
    assertThat(read.getAuthors()).containsExactly("Xianming Zeng");
    assertThat(read.getPublished()).isEqualTo(published);
    assertThat(read.getListingDate()).isEqualTo(LocalDate.of(2025, 3, 18));
    assertThat(read.getUpvotes()).isNull();
    assertThat(read.getCommentCount()).isNull();
  }

  @Test
  void aConsumerHoldingV1ReadsACurrentPaperWithoutTheNewFields() throws IOException {
    Paper written =
        Paper.newBuilder()
            .setId("2405.15738")
            .setSource(PaperSource.HF_DAILY)
            .setSourceId("2405.15738")
            .setTitle("ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models")
            .setAbstract$("")
            .setLinks(PaperLinks.newBuilder().setPdf("https://arxiv.org/pdf/2405.15738").build())
            .setPublished(Instant.parse("2024-05-24T17:34:15Z"))
            .setListingDate(LocalDate.of(2024, 5, 27))
            .setIngested(Instant.parse("2024-05-27T08:00:00Z"))
            .setUpvotes(32)
            .setCommentCount(3)
            .build();

    GenericRecord read =
        new GenericDatumReader<GenericRecord>(CURRENT, V1)
            .read(null, DecoderFactory.get().binaryDecoder(bytes(new SpecificDatumWriter<>(Paper.class), written), null));

    assertThat(read.getSchema()).isEqualTo(V1);
    assertThat(read.hasField("upvotes")).isFalse();
    assertThat(read.hasField("commentCount")).isFalse();
    assertThat(read.get("id")).hasToString("2405.15738");
    assertThat(read.get("source")).hasToString("HF_DAILY");
    assertThat(((GenericRecord) read.get("links")).get("pdf")).hasToString("https://arxiv.org/pdf/2405.15738");
    assertThat(read.get("published")).isEqualTo(Instant.parse("2024-05-24T17:34:15Z").toEpochMilli());
    assertThat(read.get("listingDate")).isEqualTo((int) LocalDate.of(2024, 5, 27).toEpochDay());
  }

  /** Avro binary, as in the Confluent wire format after its 5-byte header. */
  private static <T> byte[] bytes(DatumWriter<T> writer, T record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    writer.write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static Schema parse(String file) {
    try {
      return new Schema.Parser().parse(new File(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
