package io.paperwire.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails {@code mvn verify} when a schema in {@code src/main/avro} cannot read data written with its latest released
 * version in {@code src/main/released/vN}; and proves the check catches incompatible edits.
 */
class ReleasedSchemaCompatibilityTest {

  @TempDir
  Path edited;

  @Test
  void everyCurrentSchemaReadsDataOfItsLatestRelease() {
    SchemaFolder current = SchemaFolder.parse(SchemaFolder.CURRENT);

    List<String> problems = ReleasedSchemaCompatibility.problems(current, SchemaFolder.RELEASED);

    assertThat(problems).as("schemas that break BACKWARD compatibility with their latest release").isEmpty();
  }

  @Test
  void thereIsAReleaseAndItCoversEveryCurrentSchema() {
    assertThat(SchemaFolder.releases(SchemaFolder.RELEASED)).isNotEmpty();
    SchemaFolder v1 = SchemaFolder.parse(SchemaFolder.releases(SchemaFolder.RELEASED).firstEntry().getValue());

    assertThat(v1.schemasByFullName().keySet())
        .containsAll(SchemaFolder.parse(SchemaFolder.CURRENT).schemasByFullName().keySet());
  }

  @BeforeEach
  void copyCurrentSchemas() throws IOException {
    try (Stream<Path> files = Files.walk(SchemaFolder.CURRENT)) {
      for (Path file : files.toList()) {
        Path target = edited.resolve(SchemaFolder.CURRENT.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = edited.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as("test edit of " + file).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private List<String> problemsOfEditedCopy() {
    return ReleasedSchemaCompatibility.problems(SchemaFolder.parse(edited), SchemaFolder.RELEASED);
  }

  @Test
  void anUneditedCopyPasses() {
    assertThat(problemsOfEditedCopy()).isEmpty();
  }

  @Test
  void aNewFieldWithoutDefaultIsReported() throws IOException {
    edit("TrendingScore.avsc", "\"fields\": [",
        "\"fields\": [\n    {\"name\": \"views\", \"type\": \"long\", \"doc\": \"Views in the window.\"},");

    assertThat(problemsOfEditedCopy()).singleElement().asString()
        .startsWith("io.paperwire.schemas.TrendingScore (")
        .contains("cannot read data written with release v1")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("views");
  }

  @Test
  void aNewFieldWithADefaultIsFine() throws IOException {
    edit("TrendingScore.avsc", "\"fields\": [",
        "\"fields\": [\n    {\"name\": \"views\", \"type\": \"long\", \"default\": 0, \"doc\": \"Views.\"},");

    assertThat(problemsOfEditedCopy()).isEmpty();
  }

  @Test
  void aRemovedEnumSymbolWithoutEnumDefaultIsReported() throws IOException {
    edit("common/SubscriptionStatus.avsc", "\"symbols\": [\"ACTIVE\", \"PAUSED\", \"UNSUBSCRIBED\"],\n"
        + "  \"default\": \"ACTIVE\"", "\"symbols\": [\"ACTIVE\", \"UNSUBSCRIBED\"]");

    assertThat(problemsOfEditedCopy()).anySatisfy(problem -> assertThat(problem)
        .startsWith("io.paperwire.schemas.SubscriptionStatus (")
        .contains("MISSING_ENUM_SYMBOLS")
        .contains("PAUSED"));
  }

  @Test
  void aChangedFieldTypeIsReportedForTheTypeAndEveryRecordUsingIt() throws IOException {
    edit("common/Keyword.avsc", "{\"name\": \"score\", \"type\": \"double\"",
        "{\"name\": \"score\", \"type\": \"string\"");

    assertThat(problemsOfEditedCopy())
        .anySatisfy(p -> assertThat(p).startsWith("io.paperwire.schemas.Keyword (").contains("TYPE_MISMATCH"))
        .anySatisfy(p -> assertThat(p).startsWith("io.paperwire.schemas.EnrichedPaper ("));
  }

  @Test
  void aRemovedTypeIsReported() throws IOException {
    Files.delete(edited.resolve("IngestCheckpoint.avsc"));

    assertThat(problemsOfEditedCopy())
        .containsExactly("io.paperwire.schemas.IngestCheckpoint was released in v1 but is gone from " + edited);
  }
}
