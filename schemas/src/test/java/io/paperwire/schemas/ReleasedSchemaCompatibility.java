package io.paperwire.schemas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The build-time guard of schema evolution: every current schema must read data written with the latest released
 * version of the same full name (Avro BACKWARD compatibility: new reader, old writer), and no released type may
 * disappear. Returns one line per problem, naming the schema, its file, the release and Avro's reason.
 */
final class ReleasedSchemaCompatibility {

  private ReleasedSchemaCompatibility() {}

  static List<String> problems(SchemaFolder current, Path releasedRoot) {
    TreeMap<Integer, Path> releases = SchemaFolder.releases(releasedRoot);
    Map<String, Map.Entry<Integer, Schema>> latestReleased = new TreeMap<>();
    for (Map.Entry<Integer, Path> release : releases.entrySet()) {
      SchemaFolder.parse(release.getValue()).schemasByFullName().forEach((name, schema) ->
          latestReleased.put(name, Map.entry(release.getKey(), schema)));
    }
    List<String> problems = new ArrayList<>();
    latestReleased.forEach((name, released) -> {
      Schema now = current.schemasByFullName().get(name);
      if (now == null) {
        problems.add(name + " was released in v" + released.getKey() + " but is gone from " + current.root());
        return;
      }
      SchemaCompatibility.SchemaPairCompatibility check =
          SchemaCompatibility.checkReaderWriterCompatibility(now, released.getValue());
      if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        problems.add(name + " (" + current.filesByFullName().get(name) + ") cannot read data written with release v"
            + released.getKey() + ": " + check.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; ")));
      }
    });
    return problems;
  }
}
