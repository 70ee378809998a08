package io.paperwire.schemas.serde;

import java.util.stream.Collectors;
import org.apache.avro.SchemaCompatibility;

/** Words for Avro's reader/writer incompatibilities, one per problem: type, where, and Avro's message. */
final class Incompatibilities {

  private Incompatibilities() {}

  static String describe(SchemaCompatibility.SchemaCompatibilityResult result) {
    return result.getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .collect(Collectors.joining("; "));
  }
}
