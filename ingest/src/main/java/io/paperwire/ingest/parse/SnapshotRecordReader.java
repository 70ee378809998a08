package io.paperwire.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one snapshot JSON object with Jackson's streaming parser, token by token, into the values
 * {@link SnapshotJsonLinesParser} needs: no tree of nodes is built. In: a parser standing before the line's first
 * token. Out: {@link #found()} for a value that is not an object, else the fields read.
 *
 * <p>It reads exactly what a tree would have held: the whole value is read (so malformed JSON anywhere in the line is
 * an error, and every string is decoded, so invalid UTF-8 is too), a repeated key keeps its last value, and values are
 * rendered as Jackson's tree renders them ({@code JsonNode.asText("")} for the version entries).
 */
final class SnapshotRecordReader {

    /** The fields read as strings; a non-string value is a type problem in the draft. */
    static final List<String> STRING_FIELDS = List.of("id", "title", "abstract", "comments", "journal-ref", "doi",
            "license", "categories", "authors");

    /** A string field's last value: its text, null for JSON null, or the JSON type of a value that is no string. */
    record StringValue(String text, String otherType) {
    }

    /** One entry of {@code versions}, as {@code entry.path("version").asText("")} and the same for created. */
    record VersionEntry(String version, String created) {
    }

    private final JsonParser parser;
    /** The JSON type of the whole value when it is not an object ({@code missing} for no value). */
    private String found;
    private final Map<String, StringValue> strings = new HashMap<>();
    /** {@code authors_parsed}: null when absent, JSON null or not an array; else each triple's parts. */
    private List<List<String>> authorsParsed;
    private boolean versionsPresent;
    /** {@code versions}: null when it is not an array. */
    private List<VersionEntry> versions;

    private SnapshotRecordReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the value at the parser's position to its end; throws on malformed JSON. */
    static SnapshotRecordReader read(JsonParser parser) throws IOException {
        SnapshotRecordReader reader = new SnapshotRecordReader(parser);
        reader.readRecord();
        return reader;
    }

    /** Null for an object; else the JSON type found ({@code array}, {@code string}, ..., {@code missing}). */
    String found() {
        return found;
    }

    StringValue string(String field) {
        return strings.get(field);
    }

    List<List<String>> authorsParsed() {
        return authorsParsed;
    }

    /** True when {@code versions} was given and is not JSON null. */
    boolean versionsPresent() {
        return versionsPresent;
    }

    /** The version entries; null when {@code versions} is not an array. */
    List<VersionEntry> versions() {
        return versions;
    }

    private void readRecord() throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            found = token == null ? "missing" : typeName(token);
            skip(token);
            return;
        }
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (STRING_FIELDS.contains(name)) {
                strings.put(name, stringValue(value));
            } else if (name.equals("authors_parsed")) {
                authorsParsed = readAuthorsParsed(value);
            } else if (name.equals("versions")) {
                versionsPresent = value != JsonToken.VALUE_NULL;
                versions = value == JsonToken.START_ARRAY ? readVersions() : null;
                if (value != JsonToken.START_ARRAY) {
                    skip(value);
                }
            } else {
                skip(value);
            }
        }
    }

    private StringValue stringValue(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return new StringValue(parser.getText(), null);
        }
        if (value == JsonToken.VALUE_NULL) {
            return new StringValue(null, null);
        }
        skip(value);
        return new StringValue(null, typeName(value));
    }

    private List<List<String>> readAuthorsParsed(JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            skip(value);
            return null;
        }
        List<List<String>> triples = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            triples.add(readParts(element));
        }
        return triples.isEmpty() ? null : triples;
    }

    /** The parts of one triple as a tree iterates them: an array's elements, an object's values, nothing else. */
    private List<String> readParts(JsonToken element) throws IOException {
        List<String> parts = new ArrayList<>(3);
        if (element == JsonToken.START_ARRAY) {
            JsonToken part;
            while ((part = parser.nextToken()) != JsonToken.END_ARRAY) {
                parts.add(textOrEmpty(part));
            }
        } else if (element == JsonToken.START_OBJECT) {
            Map<String, String> values = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                values.put(name, textOrEmpty(parser.nextToken()));
            }
            parts.addAll(values.values());
        } else {
            skip(element);
        }
        return parts;
    }

    /** A string's text; "" for any other value, which is read and dropped. */
    private String textOrEmpty(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        skip(token);
        return "";
    }

    private List<VersionEntry> readVersions() throws IOException {
        List<VersionEntry> entries = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            String version = "";
            String created = "";
            if (element == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("version")) {
                        version = asText(value);
                    } else if (name.equals("created")) {
                        created = asText(value);
                    } else {
                        skip(value);
                    }
                }
            } else {
                skip(element);
            }
            entries.add(new VersionEntry(version, created));
        }
        return entries;
    }

    /** The value as {@code JsonNode.asText("")} renders it: numbers and booleans as text, null and containers "". */
    private String asText(JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT:
                return Double.toString(parser.getDoubleValue());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            default:
                skip(token);
                return "";
        }
    }

    /** Reads the value starting at {@code token} to its end, decoding every string as a tree would. */
    private void skip(JsonToken token) throws IOException {
        if (token == null) {
            return;
        }
        if (token == JsonToken.VALUE_STRING) {
            parser.getText();
            return;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            parser.getNumberValue();
            return;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken next = parser.nextToken();
            if (next == null) {
                return;
            }
            switch (next) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                default -> {
                }
            }
        }
    }

    /** The name Jackson's tree gives the node type of a value starting with {@code token}, lower case. */
    private static String typeName(JsonToken token) {
        String type = switch (token) {
            case START_OBJECT -> "OBJECT";
            case START_ARRAY -> "ARRAY";
            case VALUE_STRING -> "STRING";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
            case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
            case VALUE_NULL -> "NULL";
            default -> "POJO";
        };
        return type.toLowerCase(Locale.ROOT);
    }
}
