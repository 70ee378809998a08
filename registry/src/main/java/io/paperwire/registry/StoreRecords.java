package io.paperwire.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of the records on the registry topic, close to Confluent's own.
 *
 * <ul>
 *   <li>A registration: key {@code {"keytype":"SCHEMA","subject":s,"version":v,"id":n,"fingerprint":f,"magic":1}},
 *       value {@code {"subject":s,"version":v,"id":n,"schema":"…","deleted":false}}. Confluent's key has no
 *       {@code id} and {@code fingerprint}; they are here so that the record of a registration that lost a race has a
 *       key of its own and can be removed with a tombstone without touching the winner's.</li>
 *   <li>A compatibility setting: key {@code {"keytype":"CONFIG","subject":s|null,"magic":0}},
 *       value {@code {"compatibilityLevel":"BACKWARD"}}; a tombstone removes it.</li>
 * </ul>
 * Keys are always written with the same field order, so that the same logical key is the same bytes (compaction
 * compares bytes); updates and tombstones reuse the key text exactly as it was read.
 */
final class StoreRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreRecords() {
    }

    /** A decoded key. */
    sealed interface Key permits SchemaKey, ConfigKey, OtherKey {
    }

    record SchemaKey(String subject, int version, int id, String fingerprint) implements Key {
    }

    /** {@code subject} is null for the global setting. */
    record ConfigKey(String subject) implements Key {
    }

    /** Any other key type (Confluent writes NOOP, MODE, DELETE_SUBJECT…); ignored. */
    record OtherKey(String keytype) implements Key {
    }

    record SchemaValue(String subject, int version, int id, String schema, boolean deleted) {
    }

    static String schemaKey(String subject, int version, int id, String fingerprint) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("id", id);
        key.put("fingerprint", fingerprint);
        key.put("magic", 1);
        return key.toString();
    }

    static String schemaValue(SchemaValue value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("subject", value.subject());
        node.put("version", value.version());
        node.put("id", value.id());
        node.put("schema", value.schema());
        node.put("deleted", value.deleted());
        return node.toString();
    }

    static String configKey(String subjectOrNullForGlobal) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subjectOrNullForGlobal == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subjectOrNullForGlobal);
        }
        key.put("magic", 0);
        return key.toString();
    }

    static String configValue(CompatibilityLevel level) {
        ObjectNode node = JSON.createObjectNode();
        node.put("compatibilityLevel", level.name());
        return node.toString();
    }

    /** @throws IllegalArgumentException when the text is not a key of a known shape */
    static Key parseKey(String text) {
        JsonNode node = readObject(text, "key");
        String keytype = node.path("keytype").asText("");
        return switch (keytype) {
            case "SCHEMA" -> new SchemaKey(requiredText(node, "subject"), requiredInt(node, "version"),
                    requiredInt(node, "id"), requiredText(node, "fingerprint"));
            case "CONFIG" -> new ConfigKey(node.path("subject").isTextual() ? node.get("subject").asText() : null);
            default -> new OtherKey(keytype);
        };
    }

    /** @throws IllegalArgumentException when the text is not a registration value */
    static SchemaValue parseSchemaValue(String text) {
        JsonNode node = readObject(text, "value");
        return new SchemaValue(requiredText(node, "subject"), requiredInt(node, "version"), requiredInt(node, "id"),
                requiredText(node, "schema"), node.path("deleted").asBoolean(false));
    }

    /** @throws IllegalArgumentException when the text is not a compatibility value */
    static CompatibilityLevel parseConfigValue(String text) {
        JsonNode node = readObject(text, "value");
        String level = requiredText(node, "compatibilityLevel");
        return CompatibilityLevel.parse(level)
                .orElseThrow(() -> new IllegalArgumentException("unknown compatibility level " + level));
    }

    private static JsonNode readObject(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object: " + text);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string in " + node);
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not an integer in " + node);
        }
        return value.asInt();
    }
}
