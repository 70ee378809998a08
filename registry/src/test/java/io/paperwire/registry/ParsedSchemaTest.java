package io.paperwire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsedSchemaTest {

    private static final String PAPER = """
            {"type": "record", "name": "Paper", "namespace": "io.paperwire.test",
             "doc": "a paper",
             "fields": [
               {"name": "key", "type": "string", "doc": "stable key"},
               {"name": "published", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "score", "type": ["null", "double"], "default": null},
               {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"], "default": "A"}}
             ]}""";

    @Test
    void shouldGiveTheSameCanonicalFormDespiteWhitespaceAttributeOrderAndDocs() {
        String reordered = "{\"fields\":[{\"type\":\"string\",\"name\":\"key\"},"
                + "{\"type\":{\"logicalType\":\"timestamp-millis\",\"type\":\"long\"},\"name\":\"published\"},"
                + "{\"default\":null,\"type\":[\"null\",\"double\"],\"name\":\"score\"},"
                + "{\"name\":\"kind\",\"type\":{\"symbols\":[\"A\",\"B\"],\"default\":\"A\",\"type\":\"enum\","
                + "\"name\":\"io.paperwire.test.Kind\"}}],"
                + "\"name\":\"io.paperwire.test.Paper\",\"type\":\"record\"}";

        assertThat(ParsedSchema.parse(reordered).canonical()).isEqualTo(ParsedSchema.parse(PAPER).canonical());
        assertThat(ParsedSchema.parse(reordered).fingerprint()).isEqualTo(ParsedSchema.parse(PAPER).fingerprint());
    }

    @Test
    void shouldTellApartSchemasThatDifferInDefaultsOrLogicalTypes() {
        String noDefault = PAPER.replace("\"default\": null", "\"doc\": \"no default\"");
        String noLogicalType = PAPER.replace(", \"logicalType\": \"timestamp-millis\"", "");

        String canonical = ParsedSchema.parse(PAPER).canonical();
        assertThat(ParsedSchema.parse(noDefault).canonical()).isNotEqualTo(canonical);
        assertThat(ParsedSchema.parse(noLogicalType).canonical()).isNotEqualTo(canonical);
        assertThat(canonical).contains("\"default\":null", "\"logicalType\":\"timestamp-millis\"")
                .doesNotContain("doc");
    }

    @Test
    void shouldKeepDocsInTheStoredTextButNotTheWhitespace() {
        ParsedSchema parsed = ParsedSchema.parse(PAPER);

        assertThat(parsed.text()).contains("\"doc\":\"a paper\"").doesNotContain("\n");
    }

    @Test
    void shouldAcceptPrimitiveSchemas() {
        assertThat(ParsedSchema.parse("\"string\"").canonical()).isEqualTo("\"string\"");
        assertThat(ParsedSchema.parse("{\"type\":\"string\"}").canonical()).isEqualTo("\"string\"");
    }

    @Test
    void shouldRejectInvalidSchemasWith42201() {
        assertThatThrownBy(() -> ParsedSchema.parse("{\"type\":\"record\",\"name\":\"X\"}"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(42201);
                    assertThat(e.httpStatus()).isEqualTo(422);
                });
        assertThatThrownBy(() -> ParsedSchema.parse("not json"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        assertThatThrownBy(() -> ParsedSchema.parse(" "))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }
}
