package io.paperwire.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.PaperEnricher;
import io.paperwire.enrich.PaperText;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnnotatorTest {

    private static final EnricherResources RESOURCES = EnricherResources.load(Optional.empty());
    private static final String MOE = "{\"id\":\"p1\",\"title\":\"Sparse mixture-of-experts transformers\","
            + "\"abstract\":\"We scale sparse mixture-of-experts (MoE) transformers with a learned router and "
            + "expert parallelism, and study load balancing between experts.\",\"keyphrases\":[\"moe\"],"
            + "\"categories\":[\"cs.LG\",\"cs.CL\"]}";
    private static final String GLASS = "{\"id\":\"p2\",\"title\":\"Statistical mechanics of spin glasses\","
            + "\"abstract\":\"Replica symmetry breaking in the statistical mechanics of spin glasses is revisited "
            + "with cavity methods on sparse random graphs.\",\"categories\":\"cond-mat.dis-nn cond-mat.stat-mech\"}";

    @Test
    void shouldAddKeywordsAndTagsFromTheStreamCodePathAndReportBadLines() throws Exception {
        String input = MOE + "\n\nnot json\n{\"id\":\"p3\"}\n" + GLASS + "\n";
        StringWriter output = new StringWriter();

        Annotator.Summary summary = new Annotator(RESOURCES, "")
                .annotate(new BufferedReader(new StringReader(input)), output);

        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.annotated()).isEqualTo(2);
        assertThat(summary.errors()).extracting(Annotator.LineError::line).containsExactly(3, 4);
        assertThat(summary.errors().get(1).message()).contains("neither 'title' nor 'abstract'");
        assertThat(summary.enricherVersion()).isEqualTo(PaperEnricher.enricherVersion(RESOURCES, ""));

        ObjectMapper json = new ObjectMapper();
        List<String> lines = output.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("keyphrases").get(0).asText()).isEqualTo("moe");
        assertThat(first.get("keywords").size()).isBetween(5, 15);
        assertThat(first.get("tags").get(0).get("tag").asText()).isEqualTo("cs.LG");
        assertThat(first.get("tags").get(0).get("kind").asText()).isEqualTo("SUBJECT");
        assertThat(first.get("tags").findValuesAsText("tag")).contains("mixture of experts");

        // the same code path as the stream: a PaperEnricher over in-memory counts gives the same keywords
        PaperEnricher reference = new PaperEnricher(RESOURCES, new InMemoryDocumentFrequencies(),
                RESOURCES.newSubjectClassifier(), "");
        JsonNode moe = json.readTree(MOE);
        var expected = reference.enrich(new PaperText("p1", moe.get("title").asText(), moe.get("abstract").asText(),
                List.of("cs.LG", "cs.CL")), true, true).enrichment();
        assertThat(first.get("keywords").findValuesAsText("normalized"))
                .isEqualTo(expected.keywords().stream().map(k -> k.normalized()).toList());
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("tags").findValuesAsText("tag")).startsWith("cond-mat.dis-nn", "cond-mat.stat-mech");
    }
}
