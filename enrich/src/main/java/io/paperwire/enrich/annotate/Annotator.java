package io.paperwire.enrich.annotate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.Enrichment;
import io.paperwire.enrich.PaperEnricher;
import io.paperwire.enrich.PaperText;
import io.paperwire.enrich.keywords.ExtractedKeyword;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.enrich.tags.TagMatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Batch enrichment of a JSON-lines file, for {@code paperwire annotate IN.jsonl [-o OUT.jsonl]}. Input lines:
 * {@code {"id", "title", "abstract", "keyphrases"?: [...], "categories"?: [...] or "cs.LG stat.ML"}}. Output: each
 * line as read (every field kept, in order) with {@code keywords} ({@code phrase, normalized, score}) and
 * {@code tags} ({@code tag, label, kind, confidence, origin, evidence}) added, one line per input line.
 *
 * <p>It runs {@link PaperEnricher}, the code path of the stream, over in-memory document frequencies seeded with
 * the shipped background and a fresh subject classifier: like a stream, each paper is counted (once per id) before
 * it is scored, and papers with categories train the classifier that tags later papers without them. A line that
 * is not a JSON object or has neither title nor abstract is not written; it is reported with its line number in
 * the {@link Summary}, and the run goes on.
 */
public final class Annotator {

    private final EnricherResources resources;
    private final String versionSuffix;
    private final ObjectMapper json = new ObjectMapper();

    public Annotator(EnricherResources resources, String versionSuffix) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.versionSuffix = versionSuffix == null ? "" : versionSuffix;
    }

    /** An annotator over the shipped taxonomies and background table. */
    public static Annotator withShippedData() {
        return new Annotator(EnricherResources.load(java.util.Optional.empty()), "");
    }

    /** One line that was not annotated, and why. */
    public record LineError(int line, String message) {
    }

    /**
     * What a run did.
     *
     * @param lines           non-blank lines read
     * @param annotated       lines written
     * @param errors          lines not written, in order
     * @param enricherVersion the version of the enricher that ran (as in the stream's events)
     */
    public record Summary(int lines, int annotated, List<LineError> errors, String enricherVersion) {
        public Summary {
            errors = List.copyOf(errors);
        }
    }

    /** Annotates {@code input} into {@code output} (UTF-8, created or replaced). */
    public Summary annotate(Path input, Path output) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            return annotate(in, out);
        }
    }

    /** Annotates every line of {@code input} into {@code output}; the caller closes both. */
    public Summary annotate(BufferedReader input, Writer output) throws IOException {
        PaperEnricher enricher = new PaperEnricher(resources, new InMemoryDocumentFrequencies(),
                resources.newSubjectClassifier(), versionSuffix);
        Set<String> seen = new HashSet<>();
        List<LineError> errors = new ArrayList<>();
        int lines = 0;
        int annotated = 0;
        String line;
        int number = 0;
        while ((line = input.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            lines++;
            ObjectNode paper;
            try {
                JsonNode node = json.readTree(line);
                if (!(node instanceof ObjectNode object)) {
                    errors.add(new LineError(number, "expected a JSON object, found " + node.getNodeType()));
                    continue;
                }
                paper = object;
            } catch (JsonProcessingException e) {
                errors.add(new LineError(number, "not JSON: " + e.getOriginalMessage()));
                continue;
            }
            String title = text(paper, "title");
            String abstractText = text(paper, "abstract");
            if (title.isBlank() && abstractText.isBlank()) {
                errors.add(new LineError(number, "has neither 'title' nor 'abstract'"));
                continue;
            }
            String id = paper.hasNonNull("id") ? paper.get("id").asText() : "line-" + number;
            boolean first = seen.add(id);
            PaperText text = new PaperText(id, title, abstractText, categories(paper.get("categories")));
            Enrichment enrichment = enricher.enrich(text, first, first).enrichment();
            paper.set("keywords", keywords(enrichment.keywords()));
            paper.set("tags", tags(enrichment.tags()));
            output.write(json.writeValueAsString(paper));
            output.write('\n');
            annotated++;
        }
        output.flush();
        return new Summary(lines, annotated, errors, enricher.enricherVersion());
    }

    private static String text(JsonNode paper, String field) {
        JsonNode value = paper.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** Categories as a JSON array or as the snapshot's space-separated string. */
    private static List<String> categories(JsonNode value) {
        List<String> codes = new ArrayList<>();
        if (value == null || value.isNull()) {
            return codes;
        }
        if (value.isArray()) {
            value.forEach(code -> {
                if (!code.asText().isBlank()) {
                    codes.add(code.asText().trim());
                }
            });
        } else if (!value.asText().isBlank()) {
            codes.addAll(List.of(value.asText().trim().split("\\s+")));
        }
        return codes;
    }

    private ArrayNode keywords(List<ExtractedKeyword> keywords) {
        ArrayNode array = json.createArrayNode();
        for (ExtractedKeyword keyword : keywords) {
            array.addObject().put("phrase", keyword.phrase()).put("normalized", keyword.normalized())
                    .put("score", keyword.score());
        }
        return array;
    }

    private ArrayNode tags(List<TagMatch> tags) {
        ArrayNode array = json.createArrayNode();
        for (TagMatch tag : tags) {
            array.addObject().put("tag", tag.tag()).put("label", tag.label()).put("kind", tag.kind().name())
                    .put("confidence", tag.confidence()).put("origin", tag.origin()).put("evidence", tag.evidence());
        }
        return array;
    }
}
