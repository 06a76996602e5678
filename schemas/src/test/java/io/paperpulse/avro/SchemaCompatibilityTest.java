package io.paperpulse.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The current schemas can read everything written with a released version (BACKWARD). */
class SchemaCompatibilityTest {
  private static final Path HISTORY = Path.of("history");
  private static final Path CURRENT = Path.of("src/main/avro");
  /** Schemas that use named types defined in another file, and that file. */
  private static final java.util.Map<String, String> EMBEDS =
      java.util.Map.of("EnrichedPaper", "Paper", "SpikeAlert", "KeywordTrend");

  static Stream<Path> releasedVersions() throws IOException {
    return versionsUnder(HISTORY);
  }

  private static Stream<Path> versionsUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> versions = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
      assertThat(versions).as("released schema versions under %s", dir.toAbsolutePath()).isNotEmpty();
      return versions.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("releasedVersions")
  void theCurrentSchemaReadsDataOfEveryReleasedVersion(Path released) throws IOException {
    String name = released.getParent().getFileName().toString();
    Schema current = parse(name, CURRENT.resolve(name + ".avsc"));

    for (Schema old : asWritten(name, released)) {
      assertThat(backwardIncompatibilities(current, old))
          .as("%s.avsc can no longer read data written with %s", name, released)
          .isEmpty();
    }
  }

  /**
   * A released schema as data was written with it. One that embeds another (EnrichedPaper holds a
   * Paper) was written with whichever version of that one was current, so with each released one.
   */
  private static List<Schema> asWritten(String name, Path released) throws IOException {
    if (!EMBEDS.containsKey(name)) {
      return List.of(new Schema.Parser().parse(released.toFile()));
    }
    List<Schema> schemas = new ArrayList<>();
    for (Path embedded : versionsUnder(HISTORY.resolve(EMBEDS.get(name))).toList()) {
      Schema.Parser parser = new Schema.Parser();
      parser.parse(embedded.toFile());
      schemas.add(parser.parse(released.toFile()));
    }
    return schemas;
  }

  @Test
  void theCheckCatchesARequiredFieldAddedWithoutADefault() throws IOException {
    Schema old = parse("Paper", HISTORY.resolve("Paper/v1.avsc"));
    String broken =
        Files.readString(CURRENT.resolve("Paper.avsc"))
            .replaceFirst(
                java.util.regex.Pattern.quote("\"fields\": ["),
                "\"fields\": [\n    {\"name\": \"venue\", \"type\": \"string\", \"doc\": \"x\"},");

    assertThat(backwardIncompatibilities(new Schema.Parser().parse(broken), old))
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT")
        .contains("venue");
  }

  @Test
  void everyFieldIsDocumented() throws IOException {
    try (Stream<Path> files = Files.list(CURRENT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
        assertUndocumented(parse(file.getFileName().toString().replace(".avsc", ""), file), file);
      }
    }
  }

  private static void assertUndocumented(Schema schema, Path file) {
    if (schema.getType() == Schema.Type.UNION) {
      schema.getTypes().forEach(t -> assertUndocumented(t, file));
    } else if (schema.getType() == Schema.Type.ARRAY) {
      assertUndocumented(schema.getElementType(), file);
    } else if (schema.getType() == Schema.Type.RECORD) {
      for (Schema.Field field : schema.getFields()) {
        assertThat(field.doc()).as("doc of %s.%s in %s", schema.getName(), field.name(), file).isNotBlank();
        assertUndocumented(field.schema(), file);
      }
    }
  }

  private static List<String> backwardIncompatibilities(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return result.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .toList();
  }

  private static Schema parse(String name, Path file) throws IOException {
    Schema.Parser parser = new Schema.Parser();
    if (EMBEDS.containsKey(name)) {
      parser.parse(CURRENT.resolve(EMBEDS.get(name) + ".avsc").toFile());
    }
    return parser.parse(file.toFile());
  }
}
