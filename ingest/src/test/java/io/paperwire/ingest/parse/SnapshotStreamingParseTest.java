package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.embedded.SharedData;
import io.paperwire.schemas.Author;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The snapshot parser reads JSON with a streaming parser; before, it read each line into a Jackson tree. These tests
 * keep the tree-based reading as {@link TreeModelReference} (the former code, test-only) and require the same result,
 * paper for paper and error for error, on the shared sample and on lines that probe every difference a streaming
 * reader could introduce (repeated keys, wrong types, malformed JSON inside skipped fields, invalid UTF-8, odd version
 * labels).
 */
class SnapshotStreamingParseTest {

    private static final ParserSettings SETTINGS = ParserSettings.defaults()
            .withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void sameResultsAsTheTreeModelOnTheSharedSample() throws IOException {
        Optional<Path> sample = SharedData.file("data/arxiv-metadata-oai-snapshot.sample1000.jsonl");
        Assumptions.assumeTrue(sample.isPresent(), SharedData.skipReason("data/arxiv-metadata-oai-snapshot.sample1000.jsonl"));
        List<byte[]> lines = splitLines(Files.readAllBytes(sample.get()));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(1000);
        int papers = 0;
        for (int i = 0; i < lines.size(); i++) {
            ParseResult streamed = assertSameAsTree(lines.get(i), i + 1);
            papers += streamed instanceof ParseResult.ParsedPaper ? 1 : 0;
        }
        assertThat(papers).isEqualTo(lines.size());
    }

    @Test
    void sameResultsAsTheTreeModelOnOddLines() {
        List<String> odd = List.of(
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v1\","
                        + "\"created\":\"Mon, 2 Apr 2007 19:18:42 GMT\"}]}",
                // repeated keys: the last value counts
                "{\"id\":\"2101.00001\",\"title\":5,\"title\":\"A\",\"abstract\":\"B\",\"abstract\":\"C\"}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"title\":[1],\"abstract\":\"B\"}",
                // wrong types, the first in reading order wins
                "{\"id\":\"2101.00001\",\"title\":true,\"abstract\":{\"x\":1},\"doi\":2.5}",
                "{\"id\":7,\"title\":\"A\",\"abstract\":\"B\"}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"license\":null,\"doi\":null}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"authors\":[\"x\"]}",
                // authors_parsed in every shape
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"authors\":\"A. One and B. Two\","
                        + "\"authors_parsed\":[[\"One\",\"A.\",\"\"],[\"Two\",\"B.\",\"\"],[\"Three\",\"C\",\"\"]]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"authors\":\"A. One\","
                        + "\"authors_parsed\":[{\"l\":\"One\",\"f\":\"A.\",\"l\":\"Uno\"},7,null,[1,[\"x\"],\"Z\"]]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"authors\":\"A. One\",\"authors_parsed\":[]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"authors\":\"A. One\",\"authors_parsed\":{}}",
                // versions in every shape
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":{\"version\":\"v1\"}}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":null}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v2\"},"
                        + "{\"version\":\" V1 \",\"created\":\"2014-12-29\"}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":1}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":1.5}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":true}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":null}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[\"v1\"]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v1.pdf\"}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"5v3\"}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v0\"}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v12345\"}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v1\","
                        + "\"created\":\"yesterday\"}]}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"versions\":[{\"version\":\"v1\","
                        + "\"version\":\"v4\",\"created\":[\"x\"]}]}",
                // malformed or not an object
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"submitter\":{\"x\":[1,2,}}",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\"",
                "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\"} trailing",
                "[1,2,3]", "[1,2", "\"just text\"", "\"unterminated", "42", "null", "true", "nul",
                "\uFEFF{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\"}", "\uFEFF",
                "{\"id\":\"2101.00001\",\"title\":\"A\\u00e9\\n  x\",\"abstract\":\"B\\tC\",\"report-no\":\"\\q\"}",
                "{\"id\":\"not-an-id\",\"title\":\"A\",\"abstract\":\"B\"}",
                "{\"title\":\"A\",\"abstract\":\"B\"}",
                "{\"id\":\"2101.00001\",\"title\":\" \",\"abstract\":\"B\"}",
                "{}");
        int line = 1;
        for (String text : odd) {
            assertSameAsTree(text.getBytes(StandardCharsets.UTF_8), line++);
        }
        // invalid UTF-8 inside a field the parser does not use, and inside one it does
        byte[] badSubmitter = "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"B\",\"submitter\":\"X\u00ff\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        ParseResult result = assertSameAsTree(badSubmitter, line++);
        assertThat(result).isInstanceOf(ParseResult.ParseError.class);
        byte[] badTitle = "{\"id\":\"2101.00001\",\"title\":\"\u00c3\",\"abstract\":\"B\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertSameAsTree(badTitle, line);
    }

    @Test
    void readsVersionLabels() {
        assertThat(SnapshotJsonLinesParser.versionNumber("v1")).hasValue(1);
        assertThat(SnapshotJsonLinesParser.versionNumber(" V12 ")).hasValue(12);
        assertThat(SnapshotJsonLinesParser.versionNumber("v9999")).hasValue(9999);
        assertThat(SnapshotJsonLinesParser.versionNumber("v0")).isEmpty();
        assertThat(SnapshotJsonLinesParser.versionNumber("v")).isEmpty();
        assertThat(SnapshotJsonLinesParser.versionNumber("1")).isEmpty();
        assertThat(SnapshotJsonLinesParser.versionNumber("v1x")).isEmpty();
    }

    private static ParseResult assertSameAsTree(byte[] line, int lineNumber) {
        ParseResult streamed = new SnapshotJsonLinesParser(SETTINGS)
                .parseLine(line, 0, line.length, "sample.jsonl", lineNumber, 0);
        ParseResult tree = TreeModelReference.parseLine(line, "sample.jsonl", lineNumber);
        String what = "line " + lineNumber + ": " + new String(line, StandardCharsets.UTF_8);
        if (tree instanceof ParseResult.ParseError expected) {
            assertThat(streamed).as(what).isInstanceOf(ParseResult.ParseError.class);
            ParseResult.ParseError actual = (ParseResult.ParseError) streamed;
            assertThat(actual.message()).as(what).isEqualTo(expected.message());
            assertThat(actual.position()).as(what).isEqualTo(expected.position());
            assertThat(actual.sourceRef()).as(what).isEqualTo(expected.sourceRef());
            assertThat(actual.raw()).as(what).isEqualTo(expected.raw());
        } else {
            assertThat(streamed).as(what).isEqualTo(tree);
        }
        return streamed;
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start) {
                    lines.add(Arrays.copyOfRange(bytes, start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** The tree-model reading the snapshot parser used before it streamed: the expected behaviour. */
    private static final class TreeModelReference {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        static ParseResult parseLine(byte[] bytes, String sourceRef, long lineNumber) {
            ParseContext context = new ParseContext(sourceRef, SnapshotJsonLinesParser.SOURCE, SETTINGS);
            String position = "line " + lineNumber + " (byte offset 0)";
            JsonNode node;
            try {
                node = MAPPER.readTree(bytes, 0, bytes.length);
            } catch (JsonProcessingException e) {
                return context.error(position, "malformed JSON: " + e.getOriginalMessage(), bytes.clone());
            } catch (IOException | RuntimeException e) {
                return context.error(position, "unreadable line: " + e, bytes.clone());
            }
            if (node == null || !node.isObject()) {
                return context.error(position, "expected a JSON object, found "
                        + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)),
                        bytes.clone());
            }
            PaperDraft draft;
            try {
                draft = draft(node);
            } catch (RuntimeException e) {
                return context.error(position, "could not read the record: " + e, bytes.clone());
            }
            return draft.finish(context, position, context.recordRef(lineNumber), bytes::clone);
        }

        private static PaperDraft draft(JsonNode node) {
            PaperDraft draft = new PaperDraft();
            draft.rawId = JsonFields.string(node, "id", draft);
            draft.arxivId = ArxivId.parse(draft.rawId)
                    .map(id -> new ArxivId(id.id(), java.util.OptionalInt.empty())).orElse(null);
            draft.title = JsonFields.string(node, "title", draft);
            draft.abstractText = JsonFields.string(node, "abstract", draft);
            draft.comments = JsonFields.string(node, "comments", draft);
            draft.journalRef = JsonFields.string(node, "journal-ref", draft);
            draft.doi = JsonFields.string(node, "doi", draft);
            draft.license = JsonFields.string(node, "license", draft);
            draft.categories = new ArrayList<>(Normalizer.categories(JsonFields.string(node, "categories", draft)));
            draft.authors = new ArrayList<>(authors(JsonFields.string(node, "authors", draft),
                    node.get("authors_parsed")));
            readVersions(node.get("versions"), draft);
            return draft;
        }

        private static List<Author> authors(String authors, JsonNode parsedNode) {
            List<Author> split = Normalizer.authorList(authors);
            if (parsedNode == null || !parsedNode.isArray() || parsedNode.isEmpty()) {
                return split;
            }
            List<List<String>> parsed = new ArrayList<>(parsedNode.size());
            for (JsonNode triple : parsedNode) {
                List<String> parts = new ArrayList<>(3);
                for (JsonNode part : triple) {
                    parts.add(part.isTextual() ? part.textValue() : "");
                }
                parsed.add(parts);
            }
            return split.size() == parsed.size() ? split : Normalizer.authorsParsed(parsed);
        }

        private static void readVersions(JsonNode versionsNode, PaperDraft draft) {
            if (versionsNode == null || versionsNode.isNull()) {
                return;
            }
            if (!versionsNode.isArray()) {
                draft.problem = draft.problem != null ? draft.problem : "field 'versions' is not an array";
                return;
            }
            List<PaperVersion> versions = new ArrayList<>(versionsNode.size());
            for (JsonNode entry : versionsNode) {
                String label = entry.path("version").asText("");
                Optional<ArxivId> withVersion = ArxivId.parse("0000.0000" + label.strip());
                if (withVersion.isEmpty() || withVersion.get().version().isEmpty()) {
                    draft.problem = draft.problem != null ? draft.problem
                            : "bad version label '" + PaperDraft.abbreviate(label) + "'";
                    return;
                }
                String created = entry.path("created").asText("");
                Optional<Instant> date = SourceTimestamps.parse(created);
                if (!created.isBlank() && date.isEmpty()) {
                    draft.problem = draft.problem != null ? draft.problem
                            : "unreadable version date '" + PaperDraft.abbreviate(created) + "'";
                    return;
                }
                versions.add(new PaperVersion(withVersion.get().version().getAsInt(), date));
            }
            versions.sort(java.util.Comparator.comparingInt(PaperVersion::version));
            draft.versions = versions;
            if (!versions.isEmpty()) {
                draft.firstPublishedAt = versions.get(0).submittedAt().orElse(null);
                draft.versionPublishedAt = versions.get(versions.size() - 1).submittedAt().orElse(null);
            }
        }
    }
}
