package io.paperwire.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import io.paperwire.schemas.PaperLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Papers for tests: hand-written ones, and a small mapping of lines of the arXiv metadata snapshot (Kaggle format)
 * to {@link Paper} events, as ingest would publish them (ingest is not a dependency of enrich).
 */
public final class TestPapers {

    /** The shared arXiv snapshot sample, relative to the shared folder. */
    public static final String SNAPSHOT = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";
    /** The ingestion time every test paper carries. */
    public static final Instant INGESTED_AT = Instant.parse("2024-11-28T09:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestPapers() {
    }

    /** A hand-written paper (version 1 is a NEW_PAPER, later ones NEW_VERSION). */
    public static Paper paper(String arxivId, int version, String title, String abstractText, String... categories) {
        List<String> codes = Arrays.asList(categories);
        return Paper.newBuilder()
                .setKey("arxiv:" + arxivId)
                .setKind(version == 1 ? PaperEventKind.NEW_PAPER : PaperEventKind.NEW_VERSION)
                .setSource("generator")
                .setArxivId(arxivId)
                .setVersion(version)
                .setTitle(title)
                .setAbstractText(abstractText)
                .setAuthors(List.of(Author.newBuilder().setName("A. Tester").build()))
                .setCategories(codes)
                .setPrimaryCategory(codes.isEmpty() ? null : codes.get(0))
                .setLinks(PaperLinks.newBuilder().setAbstractPage("https://arxiv.org/abs/" + arxivId)
                        .setPdf("https://arxiv.org/pdf/" + arxivId + "v" + version).build())
                .setIngestedAt(INGESTED_AT)
                .build();
    }

    /** The snapshot papers with the given ids, in the order asked, mapped to {@link Paper} events. */
    public static List<Paper> fromSnapshot(Path snapshot, String... ids) {
        Map<String, Paper> byId = new LinkedHashMap<>();
        for (Paper paper : fromSnapshot(snapshot, Integer.MAX_VALUE)) {
            byId.put(paper.getArxivId(), paper);
        }
        List<Paper> papers = new ArrayList<>();
        for (String id : ids) {
            Paper paper = byId.get(id);
            if (paper == null) {
                throw new IllegalArgumentException(id + " is not in " + snapshot);
            }
            papers.add(paper);
        }
        return papers;
    }

    /** The first {@code limit} papers of the snapshot. */
    public static List<Paper> fromSnapshot(Path snapshot, int limit) {
        List<Paper> papers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(snapshot)) {
                if (papers.size() == limit) {
                    break;
                }
                if (!line.isBlank()) {
                    papers.add(map(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return papers;
    }

    private static Paper map(JsonNode line) {
        String id = line.get("id").asText();
        List<String> categories = List.of(line.get("categories").asText().trim().split("\\s+"));
        JsonNode versions = line.get("versions");
        int version = versions == null || versions.isEmpty() ? 1
                : Integer.parseInt(versions.get(versions.size() - 1).get("version").asText().substring(1));
        List<Author> authors = new ArrayList<>();
        for (JsonNode parsed : line.get("authors_parsed")) {
            String name = (parsed.get(1).asText() + " " + parsed.get(0).asText()).trim();
            authors.add(Author.newBuilder().setName(name).build());
        }
        return Paper.newBuilder()
                .setKey("arxiv:" + id)
                .setKind(version == 1 ? PaperEventKind.NEW_PAPER : PaperEventKind.NEW_VERSION)
                .setSource("file")
                .setSourceRef("arxiv-metadata-oai-snapshot.sample1000.jsonl")
                .setArxivId(id)
                .setVersion(version)
                .setTitle(fold(line.get("title").asText()))
                .setAbstractText(fold(line.get("abstract").asText()))
                .setAuthors(authors)
                .setCategories(categories)
                .setPrimaryCategory(categories.get(0))
                .setDoi(text(line, "doi"))
                .setJournalRef(text(line, "journal-ref"))
                .setComments(text(line, "comments"))
                .setLicense(text(line, "license"))
                .setLinks(PaperLinks.newBuilder().setAbstractPage("https://arxiv.org/abs/" + id)
                        .setPdf("https://arxiv.org/pdf/" + id + "v" + version).build())
                .setIngestedAt(INGESTED_AT)
                .build();
    }

    private static String fold(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
