package io.paperwire.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields from a JSON record and records the first type problem in the draft, so that a record whose
 * title is a number is reported instead of read as "123".
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The string at {@code field}, null when absent or JSON null; a non-string value is a problem of the draft. */
    static String string(JsonNode node, String field, PaperDraft draft) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            if (draft.problem == null) {
                draft.problem = "field '" + field + "' is " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", expected a string";
            }
            return null;
        }
        return value.textValue();
    }

    /** The whole number at {@code field}, or null when absent; a non-integer is a problem of the draft. */
    static Long integer(JsonNode node, String field, PaperDraft draft) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            if (draft.problem == null) {
                draft.problem = "field '" + field + "' is not a whole number: " + PaperDraft.abbreviate(value.toString());
            }
            return null;
        }
        return value.longValue();
    }
}
