package io.paperwire.registry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.JacksonUtils;

/**
 * The form in which two Avro schemas are compared: "the same schema" means the same canonical form.
 *
 * <p>It is Avro's Parsing Canonical Form (full names, only the attributes that shape the binary encoding, fixed
 * attribute order, no white space) plus what changes how data is read or interpreted: field defaults, field sort
 * order other than ascending, enum defaults and logical types (with decimal precision and scale). Documentation,
 * aliases and other custom properties are left out, so a client that re-serialises a schema (re-ordering attributes,
 * dropping {@code doc}, changing white space) still finds it.
 */
final class CanonicalForm {

    private static final JsonFactory JSON = new ObjectMapper().getFactory();

    private CanonicalForm() {
    }

    /** The canonical form of {@code schema} as compact JSON. */
    static String of(Schema schema) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(schema, new HashSet<>(), generator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the canonical form of a schema", e);
        }
        return out.toString();
    }

    private static void write(Schema schema, Set<String> namesSeen, JsonGenerator out) throws IOException {
        switch (schema.getType()) {
            case RECORD -> {
                if (!namesSeen.add(schema.getFullName())) {
                    out.writeString(schema.getFullName());
                    return;
                }
                out.writeStartObject();
                out.writeStringField("name", schema.getFullName());
                out.writeStringField("type", schema.isError() ? "error" : "record");
                out.writeArrayFieldStart("fields");
                for (Schema.Field field : schema.getFields()) {
                    out.writeStartObject();
                    out.writeStringField("name", field.name());
                    out.writeFieldName("type");
                    write(field.schema(), namesSeen, out);
                    if (field.hasDefaultValue()) {
                        out.writeFieldName("default");
                        writeSorted(JacksonUtils.toJsonNode(field.defaultVal()), out);
                    }
                    if (field.order() != Schema.Field.Order.ASCENDING) {
                        out.writeStringField("order", field.order().name().toLowerCase(java.util.Locale.ROOT));
                    }
                    out.writeEndObject();
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            case ENUM -> {
                if (!namesSeen.add(schema.getFullName())) {
                    out.writeString(schema.getFullName());
                    return;
                }
                out.writeStartObject();
                out.writeStringField("name", schema.getFullName());
                out.writeStringField("type", "enum");
                out.writeArrayFieldStart("symbols");
                for (String symbol : schema.getEnumSymbols()) {
                    out.writeString(symbol);
                }
                out.writeEndArray();
                if (schema.getEnumDefault() != null) {
                    out.writeStringField("default", schema.getEnumDefault());
                }
                out.writeEndObject();
            }
            case FIXED -> {
                if (!namesSeen.add(schema.getFullName())) {
                    out.writeString(schema.getFullName());
                    return;
                }
                out.writeStartObject();
                out.writeStringField("name", schema.getFullName());
                out.writeStringField("type", "fixed");
                out.writeNumberField("size", schema.getFixedSize());
                writeLogicalType(schema, out);
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartObject();
                out.writeStringField("type", "array");
                out.writeFieldName("items");
                write(schema.getElementType(), namesSeen, out);
                out.writeEndObject();
            }
            case MAP -> {
                out.writeStartObject();
                out.writeStringField("type", "map");
                out.writeFieldName("values");
                write(schema.getValueType(), namesSeen, out);
                out.writeEndObject();
            }
            case UNION -> {
                out.writeStartArray();
                List<Schema> branches = schema.getTypes();
                for (Schema branch : branches) {
                    write(branch, namesSeen, out);
                }
                out.writeEndArray();
            }
            default -> {
                if (schema.getProp("logicalType") == null) {
                    out.writeString(schema.getName());
                } else {
                    out.writeStartObject();
                    out.writeStringField("type", schema.getName());
                    writeLogicalType(schema, out);
                    out.writeEndObject();
                }
            }
        }
    }

    private static void writeLogicalType(Schema schema, JsonGenerator out) throws IOException {
        String logicalType = schema.getProp("logicalType");
        if (logicalType == null) {
            return;
        }
        out.writeStringField("logicalType", logicalType);
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            out.writeNumberField("precision", decimal.getPrecision());
            out.writeNumberField("scale", decimal.getScale());
        }
    }

    /** Writes a default value with object keys sorted, so that the order of keys in the source does not matter. */
    private static void writeSorted(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isObject()) {
            out.writeStartObject();
            Set<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.writeFieldName(name);
                writeSorted(node.get(name), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                writeSorted(it.next(), out);
            }
            out.writeEndArray();
        } else {
            out.writeTree(node);
        }
    }
}
