package io.paperwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.enrich.keywords.ExtractedKeyword;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.enrich.tags.TagMatch;
import io.paperwire.schemas.TagKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link PaperEnricher} extracts from twelve hand-written papers ({@code golden-papers.jsonl}): every
 * keyphrase with its normalised form and score, and every SUBJECT and TOPIC tag with its confidence and evidence,
 * as the enricher produced them before its speed-up ({@code golden-enrichment.txt}). Scores may differ only by
 * floating-point noise. LEARNED_SUBJECT tags are left out: the classifier's method is its own, versioned, work.
 *
 * <p>The expected file was written by {@link #main} from the code before the change; after a deliberate change
 * of the output, write it again and say so in the change.
 */
class PaperEnricherGoldenTest {

    private static final String PAPERS = "golden-papers.jsonl";
    private static final String EXPECTED = "golden-enrichment.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldExtractTheSameKeyphrasesAndTagsAsBeforeTheSpeedUp() throws IOException {
        List<String> actual = describe(EnricherResources.load(Optional.empty()));
        List<String> expected = readResource(EXPECTED).lines().toList();

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = actual.get(i);
            int wantScore = want.lastIndexOf(" | ");
            int gotScore = got.lastIndexOf(" | ");
            if (want.startsWith("kw ")) {
                assertThat(got.substring(0, gotScore)).as("line %d", i + 1).isEqualTo(want.substring(0, wantScore));
                double score = Double.parseDouble(want.substring(wantScore + 3));
                assertThat(Double.parseDouble(got.substring(gotScore + 3))).as("score on line %d", i + 1)
                        .isCloseTo(score, within(Math.abs(score) * 1e-9));
            } else {
                assertThat(got).as("line %d", i + 1).isEqualTo(want);
            }
        }
    }

    /**
     * One enricher, fresh counts and classifier, over the papers in file order (counting and training each): one
     * line per paper, keyphrase and tag.
     */
    static List<String> describe(EnricherResources resources) throws IOException {
        PaperEnricher enricher = new PaperEnricher(resources, new InMemoryDocumentFrequencies(),
                resources.newSubjectClassifier(), "");
        List<String> lines = new ArrayList<>();
        for (String line : readResource(PAPERS).lines().toList()) {
            JsonNode paper = JSON.readTree(line);
            List<String> categories = new ArrayList<>();
            paper.get("categories").forEach(code -> categories.add(code.asText()));
            PaperText text = new PaperText(paper.get("id").asText(), paper.get("title").asText(),
                    paper.get("abstract").asText(), categories);
            Enrichment enrichment = enricher.enrich(text, true, true).enrichment();
            lines.add("paper " + text.id());
            for (ExtractedKeyword keyword : enrichment.keywords()) {
                lines.add("kw " + keyword.phrase() + " | " + keyword.normalized() + " | " + keyword.score());
            }
            for (TagMatch tag : enrichment.tags()) {
                if (tag.kind() != TagKind.LEARNED_SUBJECT) {
                    lines.add("tag " + tag.kind() + " " + tag.tag() + " | " + tag.label() + " | " + tag.confidence()
                            + " | " + tag.origin() + " | " + tag.evidence());
                }
            }
        }
        return lines;
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = PaperEnricherGoldenTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the expected file from the enricher on the class path: {@code main OUT.txt}. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), describe(EnricherResources.load(Optional.empty())), StandardCharsets.UTF_8);
    }
}
