package io.paperwire.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.AvroTypeException;
import org.apache.avro.SchemaParseException;

/**
 * The {@code .avsc} files of a folder (and its sub-folders); files may reference types of other files. One named
 * type per file, so a full name maps to one file.
 */
record SchemaFolder(Path root, Map<String, Schema> schemasByFullName, Map<String, Path> filesByFullName) {

  /** The current schemas, {@code src/main/avro} (tests run in the module's folder). */
  static final Path CURRENT = Path.of("src/main/avro");
  /** The released schemas, one {@code vN} folder per release. */
  static final Path RELEASED = Path.of("src/main/released");

  private static final Pattern RELEASE = Pattern.compile("v(\\d+)");

  /**
   * Parses every {@code .avsc} under {@code root}. Files are parsed in rounds: a file whose references are not
   * defined yet is retried after the others, so no order needs to be listed here.
   */
  static SchemaFolder parse(Path root) {
    List<Path> pending;
    try (Stream<Path> walk = Files.walk(root)) {
      pending = walk.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Schema> schemas = new TreeMap<>();
    Map<String, Path> paths = new TreeMap<>();
    while (!pending.isEmpty()) {
      List<Path> retry = new ArrayList<>();
      Map<Path, String> errors = new LinkedHashMap<>();
      for (Path file : pending) {
        Schema.Parser parser = new Schema.Parser().addTypes(schemas.values());
        Schema schema;
        try {
          schema = parser.parse(file.toFile());
        } catch (SchemaParseException | AvroTypeException e) {
          retry.add(file);
          errors.put(file, e.getMessage());
          continue;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        Path previous = paths.put(schema.getFullName(), file);
        if (previous != null) {
          throw new IllegalStateException(schema.getFullName() + " is defined in both " + previous + " and " + file);
        }
        schemas.put(schema.getFullName(), schema);
      }
      if (retry.size() == pending.size()) {
        throw new IllegalStateException("cannot parse " + errors);
      }
      pending = retry;
    }
    return new SchemaFolder(root, schemas, paths);
  }

  /** Released folders by release number, oldest first. */
  static TreeMap<Integer, Path> releases(Path releasedRoot) {
    TreeMap<Integer, Path> releases = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(releasedRoot)) {
      dirs.filter(Files::isDirectory).forEach(dir -> {
        Matcher m = RELEASE.matcher(dir.getFileName().toString());
        if (m.matches()) {
          releases.put(Integer.parseInt(m.group(1)), dir);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return releases;
  }
}
