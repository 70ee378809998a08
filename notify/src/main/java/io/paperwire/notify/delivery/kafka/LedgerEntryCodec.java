package io.paperwire.notify.delivery.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLedger;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The byte form of a {@link DeliveryLedger.Entry} in the {@code deliveries} topic: a UTF-8 JSON object
 * {@code {"v":1,"key":..,"state":"PENDING|SENT|DEAD","idempotencyKey":..,"attempts":n,"updatedAt":"ISO-8601",
 * "detail":..|null}}. Version 1 is the only one; a record of another version, or one that does not parse, is refused
 * with a {@link LedgerFormatException} that says what is wrong.
 */
public final class LedgerEntryCodec {

    /** The format version written in {@code "v"}. */
    public static final int VERSION = 1;

    private final ObjectMapper json;

    public LedgerEntryCodec(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The record value of {@code entry}. */
    public byte[] encode(DeliveryLedger.Entry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("v", VERSION);
        node.put("key", entry.key().value());
        node.put("state", entry.state().name());
        node.put("idempotencyKey", entry.idempotencyKey());
        node.put("attempts", entry.attempts());
        node.put("updatedAt", entry.updatedAt().toString());
        node.put("detail", entry.lastDetail());
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("could not write ledger entry " + entry.key(), e);
        }
    }

    /**
     * The entry in {@code value}, read from a record with key {@code recordKey}.
     *
     * @throws LedgerFormatException when the value is not a version-1 entry of that key
     */
    public DeliveryLedger.Entry decode(String recordKey, byte[] value) {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (IOException e) {
            throw new LedgerFormatException("ledger record '" + recordKey + "' is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new LedgerFormatException("ledger record '" + recordKey + "' is not a JSON object");
        }
        int version = node.path("v").asInt(-1);
        if (version != VERSION) {
            throw new LedgerFormatException("ledger record '" + recordKey + "' has format version "
                    + node.path("v") + "; this reader knows version " + VERSION);
        }
        String key = text(node, "key", recordKey);
        if (!key.equals(recordKey)) {
            throw new LedgerFormatException("ledger record key '" + recordKey + "' holds the entry of '" + key + "'");
        }
        DeliveryLedger.State state;
        try {
            state = DeliveryLedger.State.valueOf(text(node, "state", recordKey));
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException("ledger record '" + recordKey + "' has an unknown state "
                    + node.path("state"));
        }
        Instant updatedAt;
        try {
            updatedAt = Instant.parse(text(node, "updatedAt", recordKey));
        } catch (DateTimeParseException e) {
            throw new LedgerFormatException("ledger record '" + recordKey + "' has a bad updatedAt "
                    + node.path("updatedAt"));
        }
        JsonNode detail = node.path("detail");
        return new DeliveryLedger.Entry(new DeliveryKey(key), state, text(node, "idempotencyKey", recordKey),
                node.path("attempts").asInt(0), updatedAt, detail.isTextual() ? detail.asText() : null);
    }

    private static String text(JsonNode node, String field, String recordKey) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new LedgerFormatException("ledger record '" + recordKey + "' lacks the text field '" + field + "'");
        }
        return value.asText();
    }

    /** A {@code deliveries} record that is not a readable ledger entry. */
    public static final class LedgerFormatException extends IllegalArgumentException {
        public LedgerFormatException(String message) {
            super(message);
        }
    }
}
