package io.paperwire.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.paperwire.schemas.json.AvroJson;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    @Test
    void shouldRenderFieldsByNameWithUnionsUnwrappedAndInstantsAsIso() {
        Paper paper = Paper.newBuilder()
                .setKey("arxiv:2611.00001").setSource("test").setVersion(2)
                .setTitle("<b>t</b>").setAbstractText("a")
                .setAuthors(List.of(new Author("A", null)))
                .setLinks(new PaperLinks(null, "https://arxiv.org/pdf/2611.00001v2"))
                .setIngestedAt(Instant.parse("2026-11-28T06:00:00Z"))
                .build();
        var json = AvroJson.toJson(paper);
        assertThat(json.get("key").asText()).isEqualTo("arxiv:2611.00001");
        assertThat(json.get("kind").asText()).isEqualTo("NEW_PAPER");
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("title").asText()).isEqualTo("<b>t</b>");
        assertThat(json.get("doi").isNull()).isTrue();
        assertThat(json.get("authors").get(0).get("name").asText()).isEqualTo("A");
        assertThat(json.get("links").get("pdf").asText()).isEqualTo("https://arxiv.org/pdf/2611.00001v2");
        assertThat(json.get("ingestedAt").asText()).isEqualTo("2026-11-28T06:00:00Z");
    }
}
