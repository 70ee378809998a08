package io.paperwire.ingest.parse;

import io.paperwire.schemas.Author;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Parses an arXiv API response ({@code export.arxiv.org/api/query}, Atom 1.0), in today's layout and the 2016 legacy
 * layout (namespaces declared per element, dates with offsets), into papers and the paging numbers
 * ({@code opensearch:totalResults}, {@code startIndex}). The entry id {@code http://arxiv.org/abs/1707.08567v1} gives
 * the id and version; {@code published} is v1's date and {@code updated} this version's. The error feed (an entry
 * titled {@code Error} whose id is {@code …/api/errors#…}, sent with HTTP 400) becomes a feed error, never a paper.
 */
public final class ArxivApiParser implements PaperParser {

    public static final String SOURCE = "arxiv-api";

    private final ParserSettings settings;

    public ArxivApiParser(ParserSettings settings) {
        this.settings = settings;
    }

    public ArxivApiParser() {
        this(ParserSettings.defaults());
    }

    @Override
    public String sourceName() {
        return SOURCE;
    }

    @Override
    public Page parse(InputStream in, String sourceRef) {
        ParseContext context = new ParseContext(sourceRef, SOURCE, settings);
        XmlParseSession session = XmlParseSession.open(context, in);
        int[] entryIndex = {0};
        session.walk(new XmlDocumentWalker.Handler() {
            @Override
            public boolean wants(String path) {
                return path.equals("/feed/entry") || path.equals("/feed/totalResults")
                        || path.equals("/feed/startIndex");
            }

            @Override
            public void element(String path, XmlElement element, XmlDocumentWalker.Span span) {
                switch (element.name()) {
                    case "totalResults" -> parseLong(element.text()).ifPresent(session::totalResults);
                    case "startIndex" -> parseLong(element.text()).ifPresent(session::cursor);
                    default -> {
                        entryIndex[0]++;
                        entry(session, element, span, entryIndex[0]);
                    }
                }
            }
        }, "feed", "an arXiv API Atom feed");
        return session.page();
    }

    private static void entry(XmlParseSession session, XmlElement entry, XmlDocumentWalker.Span span, int index) {
        String position = "entry " + index + " (line " + span.firstLine() + ")";
        String id = entry.childText("id");
        if (id != null && id.contains("/api/errors")) {
            String summary = entry.childText("summary");
            session.feedError("arXiv API error: " + Normalizer.text(summary == null ? id : summary) + " ("
                    + id.strip() + ")", position, session.document().raw(span));
            return;
        }
        session.addRecord(position, session.context().recordRef(span.firstLine()), span, entry,
                ArxivApiParser::draft);
    }

    /** Maps one Atom entry; shared with the Atom variant of the announcement feed. */
    static PaperDraft draft(XmlElement entry) {
        PaperDraft draft = new PaperDraft();
        draft.rawId = entry.childText("id");
        draft.arxivId = ArxivId.parse(draft.rawId).orElse(null);
        draft.title = entry.childText("title");
        draft.abstractText = entry.childText("summary");
        for (XmlElement author : entry.children("author")) {
            List<String> affiliations = author.children("affiliation").stream()
                    .map(a -> Normalizer.text(a.text())).filter(a -> !a.isEmpty()).toList();
            String name = Normalizer.text(author.childText("name"));
            if (name != null && !name.isEmpty()) {
                draft.authors.add(new Author(name, affiliations.isEmpty() ? null : String.join("; ", affiliations)));
            }
        }
        for (XmlElement category : entry.children("category")) {
            String term = category.attribute("term");
            if (term != null && !term.isBlank()) {
                draft.categories.add(term.strip());
            }
        }
        XmlElement primary = entry.child("primary_category");
        draft.primaryCategory = primary == null ? null : primary.attribute("term");
        draft.doi = entry.childText("doi");
        draft.comments = entry.childText("comment");
        draft.journalRef = entry.childText("journal_ref");
        for (XmlElement link : entry.children("link")) {
            String href = link.attribute("href");
            if ("alternate".equals(link.attribute("rel"))) {
                draft.abstractPage = href;
            } else if ("pdf".equals(link.attribute("title"))) {
                draft.pdf = href;
            }
        }
        String published = entry.childText("published");
        String updated = entry.childText("updated");
        draft.firstPublishedAt = timestamp(published, "published", draft);
        draft.versionPublishedAt = timestamp(updated, "updated", draft);
        return draft;
    }

    private static java.time.Instant timestamp(String text, String field, PaperDraft draft) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<java.time.Instant> parsed = SourceTimestamps.parse(text);
        if (parsed.isEmpty() && draft.problem == null) {
            draft.problem = "unreadable <" + field + "> date '" + PaperDraft.abbreviate(text.strip()) + "'";
        }
        return parsed.orElse(null);
    }

    static Optional<Long> parseLong(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
