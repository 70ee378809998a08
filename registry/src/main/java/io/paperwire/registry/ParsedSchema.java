package io.paperwire.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * An Avro schema as the registry keeps it.
 *
 * @param schema      the parsed schema
 * @param text        the text the registry stores and returns: Avro's own compact serialisation of the parsed schema
 *                    (as Confluent's registry does), so white space and attribute order of the request do not matter
 * @param canonical   the {@link CanonicalForm} that decides whether two schemas are the same
 * @param fingerprint a short hash of {@code canonical}, part of the store key of each registration
 */
record ParsedSchema(Schema schema, String text, String canonical, String fingerprint) {

    /**
     * Parses the text of an Avro schema.
     *
     * @throws RegistryException 42201 when the text is empty or not a valid Avro schema
     */
    static ParsedSchema parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: the schema is empty");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(raw);
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw RegistryException.invalidSchema("Invalid schema " + abbreviate(raw) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema " + abbreviate(raw) + ": " + e);
        }
        String canonical = CanonicalForm.of(schema);
        return new ParsedSchema(schema, schema.toString(), canonical, fingerprint(canonical));
    }

    private static String fingerprint(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String abbreviate(String raw) {
        String oneLine = raw.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
