package io.paperwire.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The schema files follow the project's conventions: one named type per file named after it, a doc on every type
 * and field, optional fields as {@code ["null", T]} with default null, timestamps as {@code timestamp-millis}, every
 * shared type imported by the pom, and the generated classes built from exactly these files.
 */
class SchemaConventionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NAMED = Set.of("record", "enum", "fixed");

  private static List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(SchemaFolder.CURRENT)) {
      return walk.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    }
  }

  @Test
  void everyFileDefinesOneNamedTypeNamedLikeTheFile() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files()) {
      JsonNode root = JSON.readTree(file.toFile());
      String expected = file.getFileName().toString().replace(".avsc", "");
      if (!expected.equals(root.path("name").asText())) {
        problems.add(file + " defines " + root.path("name").asText());
      }
      if (!root.path("namespace").asText().equals("io.paperwire.schemas")) {
        problems.add(file + " is not in namespace io.paperwire.schemas");
      }
      inlineNamedTypes(root.path("fields"), file, problems);
    }
    assertThat(problems).isEmpty();
  }

  private static void inlineNamedTypes(JsonNode node, Path file, List<String> problems) {
    if (node.isObject() && NAMED.contains(node.path("type").asText()) && node.has("name")) {
      problems.add(file + " defines " + node.get("name").asText() + " inline: move it to its own file");
    }
    node.elements().forEachRemaining(child -> inlineNamedTypes(child, file, problems));
  }

  @Test
  void everyTypeAndFieldHasADoc() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files()) {
      JsonNode root = JSON.readTree(file.toFile());
      if (root.path("doc").asText().isBlank()) {
        problems.add(file + ": type has no doc");
      }
      for (JsonNode field : root.path("fields")) {
        if (field.path("doc").asText().isBlank()) {
          problems.add(file + ": field " + field.path("name").asText() + " has no doc");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void optionalFieldsAreNullFirstWithDefaultNullAndTimestampsAreMillis() {
    List<String> problems = new ArrayList<>();
    SchemaFolder current = SchemaFolder.parse(SchemaFolder.CURRENT);
    for (Schema schema : current.schemasByFullName().values()) {
      if (schema.getType() != Schema.Type.RECORD) {
        continue;
      }
      for (Schema.Field field : schema.getFields()) {
        String where = schema.getName() + "." + field.name();
        Schema type = field.schema();
        if (type.getType() == Schema.Type.UNION) {
          List<Schema> branches = type.getTypes();
          if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
            problems.add(where + " is a union other than [\"null\", T]");
          } else if (!field.hasDefaultValue() || field.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE) {
            problems.add(where + " is optional without \"default\": null");
          }
          type = branches.get(branches.size() - 1);
        }
        boolean looksLikeTime = field.name().endsWith("At");
        boolean isMillis = type.getLogicalType() != null
            && type.getLogicalType().getName().equals("timestamp-millis");
        if (looksLikeTime != isMillis) {
          problems.add(where + (looksLikeTime ? " is a time but not timestamp-millis"
              : " is timestamp-millis but not named ...At"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void pomImportsEverySharedTypeAfterWhatItUses() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<import>\\$\\{project.basedir}/src/main/avro/common/(\\w+)\\.avsc</import>")
        .matcher(pom);
    List<String> imported = new ArrayList<>();
    while (m.find()) {
      imported.add(m.group(1));
    }
    List<String> common;
    try (Stream<Path> list = Files.list(SchemaFolder.CURRENT.resolve("common"))) {
      common = list.map(p -> p.getFileName().toString().replace(".avsc", "")).toList();
    }
    assertThat(imported).containsExactlyInAnyOrderElementsOf(common);

    Map<String, Schema> schemas = SchemaFolder.parse(SchemaFolder.CURRENT).schemasByFullName();
    for (int i = 0; i < imported.size(); i++) {
      Schema schema = schemas.get("io.paperwire.schemas." + imported.get(i));
      List<String> later = imported.subList(i + 1, imported.size());
      String text = schema.toString();
      assertThat(later).as(imported.get(i) + " uses a type imported after it")
          .noneMatch(name -> text.contains("\"name\":\"" + name + "\""));
    }
  }

  @Test
  void generatedClassesAreBuiltFromTheseFiles() throws ClassNotFoundException {
    Map<String, Schema> files = SchemaFolder.parse(SchemaFolder.CURRENT).schemasByFullName();
    assertThat(files).hasSize(20);
    for (Map.Entry<String, Schema> entry : files.entrySet()) {
      Class<?> generated = Class.forName(entry.getKey());
      // stringType=String only adds "avro.java.string" to strings and map keys; all else must be identical
      String generatedText = SpecificData.get().getSchema(generated).toString()
          .replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\"")
          .replace(",\"avro.java.string\":\"String\"", "");
      assertThat(generatedText).as(entry.getKey()).isEqualTo(entry.getValue().toString());
    }
  }
}
