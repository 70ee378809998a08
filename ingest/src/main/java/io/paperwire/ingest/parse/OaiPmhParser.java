package io.paperwire.ingest.parse;

import io.paperwire.schemas.Author;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses an arXiv OAI-PMH response ({@code export.arxiv.org/oai2}, {@code ListRecords} or {@code GetRecord}) in the
 * {@code arXiv}, {@code arXivRaw} or {@code oai_dc} metadata prefix into papers, plus the {@code resumptionToken}
 * (value, cursor, completeListSize; an empty token marks the last page). {@code <error code="noRecordsMatch">} is an
 * empty page; any other OAI error, or a body that is not OAI-PMH (the HTML of a 503), is a feed error. Records whose
 * header says {@code status="deleted"} are listed in {@link Page#deleted()}.
 *
 * <p>Versions: {@code arXivRaw} gives the full history (the paper is its latest version); {@code arXiv} gives only
 * {@code created} and, once revised, {@code updated}, so a revised paper is reported as version 2 with
 * {@code versionExact=false}; {@code oai_dc} gives one {@code dc:date} per version (version = their count, not exact)
 * and no category codes.
 */
public final class OaiPmhParser implements PaperParser {

    public static final String SOURCE = "arxiv-oai";

    private final ParserSettings settings;

    public OaiPmhParser(ParserSettings settings) {
        this.settings = settings;
    }

    public OaiPmhParser() {
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
        int[] recordIndex = {0};
        session.walk(new XmlDocumentWalker.Handler() {
            @Override
            public boolean wants(String path) {
                return path.equals("/OAI-PMH/ListRecords/record") || path.equals("/OAI-PMH/GetRecord/record")
                        || path.equals("/OAI-PMH/ListRecords/resumptionToken") || path.equals("/OAI-PMH/error");
            }

            @Override
            public void element(String path, XmlElement element, XmlDocumentWalker.Span span) {
                switch (element.name()) {
                    case "record" -> {
                        recordIndex[0]++;
                        record(session, element, span, recordIndex[0]);
                    }
                    case "resumptionToken" -> resumption(session, element);
                    default -> error(session, element, span);
                }
            }
        }, "OAI-PMH", "an OAI-PMH response");
        return session.page();
    }

    private static void resumption(XmlParseSession session, XmlElement token) {
        String value = token.text().strip();
        if (!value.isEmpty()) {
            session.resumptionToken(value);
        }
        parseLong(token.attribute("completeListSize")).ifPresent(session::totalResults);
        parseLong(token.attribute("cursor")).ifPresent(session::cursor);
    }

    private static void error(XmlParseSession session, XmlElement error, XmlDocumentWalker.Span span) {
        String code = error.attribute("code");
        if ("noRecordsMatch".equals(code)) {
            session.totalResults(0);
            return;
        }
        session.feedError("OAI-PMH error " + code + ": " + Normalizer.text(error.text()),
                "line " + span.firstLine(), session.document().raw(span));
    }

    private void record(XmlParseSession session, XmlElement record, XmlDocumentWalker.Span span, int index) {
        String position = "record " + index + " (line " + span.firstLine() + ")";
        XmlElement header = record.child("header");
        String identifier = header == null ? null : Normalizer.text(header.childText("identifier"));
        if (header != null && "deleted".equals(header.attribute("status"))) {
            session.deleted(new Page.DeletedRecord(identifier == null ? "" : identifier,
                    ArxivId.parse(identifier).map(ArxivId::key), String.valueOf(header.childText("datestamp")).strip(),
                    position));
            return;
        }
        String recordRef = session.context().recordRef(span.firstLine());
        session.addRecord(position, recordRef, span, record, element -> draft(element, identifier));
    }

    private static PaperDraft draft(XmlElement record, String headerIdentifier) {
        XmlElement metadata = record.child("metadata");
        XmlElement format = metadata == null || metadata.children().isEmpty() ? null : metadata.children().get(0);
        PaperDraft draft = new PaperDraft();
        if (format == null) {
            draft.rawId = headerIdentifier;
            draft.problem = "record " + headerIdentifier + " has no metadata";
            return draft;
        }
        switch (format.name()) {
            case "arXiv" -> readArxiv(format, draft);
            case "arXivRaw" -> readArxivRaw(format, draft);
            case "dc" -> readDublinCore(format, draft, headerIdentifier);
            default -> {
                draft.rawId = headerIdentifier;
                draft.problem = "unsupported metadata format <" + format.name() + "> in record " + headerIdentifier;
                return draft;
            }
        }
        if (draft.arxivId == null && headerIdentifier != null) {
            draft.rawId = draft.rawId == null ? headerIdentifier : draft.rawId;
            draft.arxivId = ArxivId.parse(headerIdentifier).orElse(null);
        }
        return draft;
    }

    private static void readCommonFields(XmlElement metadata, PaperDraft draft) {
        draft.rawId = metadata.childText("id");
        draft.arxivId = ArxivId.parse(draft.rawId).orElse(null);
        draft.title = metadata.childText("title");
        draft.abstractText = metadata.childText("abstract");
        draft.categories = Normalizer.categories(metadata.childText("categories"));
        draft.comments = metadata.childText("comments");
        draft.journalRef = metadata.childText("journal-ref");
        draft.doi = metadata.childText("doi");
        draft.license = metadata.childText("license");
    }

    private static void readArxiv(XmlElement metadata, PaperDraft draft) {
        readCommonFields(metadata, draft);
        XmlElement authors = metadata.child("authors");
        if (authors != null) {
            for (XmlElement author : authors.children("author")) {
                String name = Normalizer.text(nullToEmpty(author.childText("forenames")) + " "
                        + nullToEmpty(author.childText("keyname")) + " " + nullToEmpty(author.childText("suffix")));
                List<String> affiliations = author.children("affiliation").stream()
                        .map(a -> Normalizer.text(a.text())).filter(a -> !a.isEmpty()).toList();
                draft.authors.add(new Author(name, affiliations.isEmpty() ? null : String.join("; ", affiliations)));
            }
        }
        Instant created = date(metadata.childText("created"), "created", draft);
        Instant updated = date(metadata.childText("updated"), "updated", draft);
        draft.firstPublishedAt = created;
        List<PaperVersion> versions = new ArrayList<>();
        versions.add(new PaperVersion(1, Optional.ofNullable(created)));
        if (updated != null) {
            versions.add(new PaperVersion(2, Optional.of(updated)));
            draft.versionExact = false;
            draft.versionPublishedAt = updated;
        } else {
            draft.versionPublishedAt = created;
        }
        draft.versions = versions;
    }

    private static void readArxivRaw(XmlElement metadata, PaperDraft draft) {
        readCommonFields(metadata, draft);
        draft.authors = new ArrayList<>(Normalizer.authorList(metadata.childText("authors")));
        List<PaperVersion> versions = new ArrayList<>();
        for (XmlElement version : metadata.children("version")) {
            String label = version.attribute("version");
            Optional<ArxivId> number = label == null ? Optional.empty() : ArxivId.parse("0000.0000" + label.strip());
            if (number.isEmpty() || number.get().version().isEmpty()) {
                draft.problem = "bad version attribute '" + label + "'";
                return;
            }
            Instant date = date(version.childText("date"), "version date", draft);
            versions.add(new PaperVersion(number.get().version().getAsInt(), Optional.ofNullable(date)));
        }
        versions.sort(java.util.Comparator.comparingInt(PaperVersion::version));
        draft.versions = versions;
        if (!versions.isEmpty()) {
            PaperVersion latest = versions.get(versions.size() - 1);
            draft.firstPublishedAt = versions.get(0).submittedAt().orElse(null);
            draft.versionPublishedAt = latest.submittedAt().orElse(null);
            if (draft.arxivId != null && draft.arxivId.version().isEmpty()) {
                draft.arxivId = new ArxivId(draft.arxivId.id(), java.util.OptionalInt.of(latest.version()));
            }
        }
    }

    private static void readDublinCore(XmlElement dc, PaperDraft draft, String headerIdentifier) {
        draft.title = dc.childText("title");
        for (XmlElement creator : dc.children("creator")) {
            String name = Normalizer.firstNameFirst(creator.text());
            if (!name.isEmpty()) {
                draft.authors.add(new Author(name, null));
            }
        }
        List<XmlElement> descriptions = dc.children("description");
        for (XmlElement description : descriptions) {
            String text = description.text().strip();
            if (text.startsWith("Comment:")) {
                draft.comments = text.substring("Comment:".length());
            } else if (draft.abstractText == null) {
                draft.abstractText = description.text();
            }
        }
        for (XmlElement identifier : dc.children("identifier")) {
            Optional<ArxivId> id = ArxivId.parse(identifier.text());
            if (id.isPresent()) {
                draft.rawId = identifier.text();
                draft.arxivId = id.get();
                break;
            }
            if (identifier.text().strip().startsWith("doi:")) {
                draft.doi = identifier.text().strip().substring(4);
            }
        }
        if (draft.arxivId == null) {
            draft.rawId = headerIdentifier;
            draft.arxivId = ArxivId.parse(headerIdentifier).orElse(null);
        }
        List<XmlElement> dates = dc.children("date");
        List<PaperVersion> versions = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Instant date = date(dates.get(i).text(), "dc:date", draft);
            versions.add(new PaperVersion(i + 1, Optional.ofNullable(date)));
        }
        draft.versions = versions;
        draft.versionExact = versions.size() <= 1;
        if (!versions.isEmpty()) {
            draft.firstPublishedAt = versions.get(0).submittedAt().orElse(null);
            draft.versionPublishedAt = versions.get(versions.size() - 1).submittedAt().orElse(null);
            if (draft.arxivId != null && draft.arxivId.version().isEmpty()) {
                draft.arxivId = new ArxivId(draft.arxivId.id(), java.util.OptionalInt.of(versions.size()));
            }
        }
    }

    private static Instant date(String text, String field, PaperDraft draft) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<Instant> parsed = SourceTimestamps.parse(text);
        if (parsed.isEmpty() && draft.problem == null) {
            draft.problem = "unreadable " + field + " date '" + PaperDraft.abbreviate(text.strip()) + "'";
        }
        return parsed.orElse(null);
    }

    private static Optional<Long> parseLong(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
