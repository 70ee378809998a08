package io.paperwire.ingest.support;

import io.paperwire.ingest.parse.AnnounceType;
import io.paperwire.ingest.parse.Normalizer;
import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperLinks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Papers written for tests (made-up titles and names), with their content hash computed like the parsers do. */
public final class Papers {

    private Papers() {
    }

    public static Paper paper(String arxivId, int version, String source, List<String> categories) {
        Paper paper = Paper.newBuilder()
                .setKey("arxiv:" + arxivId)
                .setSource(source)
                .setArxivId(arxivId)
                .setVersion(version)
                .setTitle("A made-up study of " + arxivId)
                .setAbstractText("We describe an invented result about " + arxivId + ".")
                .setAuthors(List.of(Author.newBuilder().setName("Ada Example").build(),
                        Author.newBuilder().setName("Bo Sample").build()))
                .setCategories(categories)
                .setPrimaryCategory(categories.isEmpty() ? null : categories.get(0))
                .setLinks(PaperLinks.newBuilder().setAbstractPage("https://arxiv.org/abs/" + arxivId).build())
                .setIngestedAt(Instant.parse("2026-11-27T10:00:00Z"))
                .build();
        return rehash(paper);
    }

    public static Paper rehash(Paper paper) {
        paper.setContentHash(Normalizer.contentHash(paper));
        return paper;
    }

    public static ParsedPaper sighting(Paper paper) {
        return new ParsedPaper(paper, Optional.empty(), "test");
    }

    public static ParsedPaper feedSighting(Paper paper, AnnounceType type) {
        return new ParsedPaper(paper, Optional.of(type), "test");
    }
}
