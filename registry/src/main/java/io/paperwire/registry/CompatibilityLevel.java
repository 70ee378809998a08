package io.paperwire.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: the new schema reads data written with the previous one. FORWARD: the previous schema reads data
 * written with the new one. FULL: both. The {@code _TRANSITIVE} forms check against every live version instead of
 * only the latest; NONE checks nothing.
 */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** The level named by {@code name}, case-insensitively; empty for an unknown name. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isTransitive() {
        return name().endsWith("_TRANSITIVE");
    }

    private boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    private boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** A live version to check against: its number and schema. */
    record PreviousVersion(int version, Schema schema) {
    }

    /**
     * Checks {@code candidate} against the previous versions at this level: all of them when transitive, else only the
     * newest (the last in the list).
     *
     * @param previousOldestFirst the subject's live versions, oldest first
     * @return one readable message per incompatibility; empty when compatible
     */
    List<String> incompatibilities(Schema candidate, List<PreviousVersion> previousOldestFirst) {
        if (this == NONE || previousOldestFirst.isEmpty()) {
            return List.of();
        }
        List<PreviousVersion> against = isTransitive()
                ? previousOldestFirst
                : List.of(previousOldestFirst.get(previousOldestFirst.size() - 1));
        List<String> messages = new ArrayList<>();
        for (PreviousVersion previous : against) {
            if (checksBackward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous.schema()),
                        "BACKWARD", previous.version(), messages);
            }
            if (checksForward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(previous.schema(), candidate),
                        "FORWARD", previous.version(), messages);
            }
        }
        return messages;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction, int version,
                                 List<String> messages) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + incompatibility.getMessage()
                    + "', location:'" + incompatibility.getLocation() + "', oldSchemaVersion:" + version
                    + ", direction:'" + direction + "'}");
        }
    }
}
