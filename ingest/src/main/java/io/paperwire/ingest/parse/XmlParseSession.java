package io.paperwire.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import io.paperwire.ingest.parse.Page.DeletedRecord;

/**
 * The common bookkeeping of the XML parsers for one response: turns each record element into a result (charging
 * invalid UTF-8 and mapping failures to that record only), and at the end reports what the walk could not attribute to
 * a record (invalid bytes between records, the point where malformed XML stopped the parser), so nothing is dropped
 * silently.
 */
final class XmlParseSession {

    private final ParseContext context;
    private final XmlDocumentWalker document;
    private final List<ParseResult> results = new ArrayList<>();
    private final Set<Long> chargedInvalidBytes = new HashSet<>();
    private String feedError;
    private String resumptionToken;
    private Long totalResults;
    private Long cursor;
    private final List<DeletedRecord> deleted = new ArrayList<>();

    private XmlParseSession(ParseContext context, XmlDocumentWalker document) {
        this.context = context;
        this.document = document;
    }

    /** Reads the input; an I/O failure yields a session that holds only that error. */
    static XmlParseSession open(ParseContext context, InputStream in) {
        try {
            return new XmlParseSession(context, XmlDocumentWalker.read(in));
        } catch (IOException e) {
            XmlParseSession failed = new XmlParseSession(context, null);
            failed.results.add(context.error("byte 0", "could not read the input: " + e, new byte[0]));
            return failed;
        }
    }

    boolean readable() {
        return document != null;
    }

    XmlDocumentWalker document() {
        return document;
    }

    ParseContext context() {
        return context;
    }

    /**
     * Adds the result of one record: an error when the record holds invalid UTF-8 or its mapping throws, otherwise
     * the mapping's draft finished (validated and normalised).
     */
    void addRecord(String position, String recordRef, XmlDocumentWalker.Span span, XmlElement element,
            Function<XmlElement, PaperDraft> mapping) {
        List<XmlDocumentWalker.InvalidBytes> invalid = document.invalidBytesWithin(span.firstLine(), span.lastLine());
        if (!invalid.isEmpty()) {
            invalid.forEach(bad -> chargedInvalidBytes.add(bad.byteOffset()));
            XmlDocumentWalker.InvalidBytes first = invalid.get(0);
            results.add(context.error(position, "invalid UTF-8 at byte offset " + first.byteOffset() + " (line "
                    + first.line() + ")" + (invalid.size() > 1 ? " and " + (invalid.size() - 1) + " more" : ""),
                    document.raw(span)));
            return;
        }
        PaperDraft draft;
        try {
            draft = mapping.apply(element);
        } catch (RuntimeException e) {
            results.add(context.error(position, "could not read the record: " + e, document.raw(span)));
            return;
        }
        results.add(draft.finish(context, position, recordRef, () -> document.raw(span)));
    }

    void add(ParseResult result) {
        results.add(result);
    }

    void feedError(String message, String position, byte[] raw) {
        this.feedError = message;
        results.add(context.error(position, message, raw));
    }

    void resumptionToken(String token) {
        this.resumptionToken = token;
    }

    void cursor(long value) {
        this.cursor = value;
    }

    void deleted(DeletedRecord record) {
        deleted.add(record);
    }

    void totalResults(long total) {
        this.totalResults = total;
    }

    int resultCount() {
        return results.size();
    }

    /** Walks the document with the handler, then reports malformed XML and invalid bytes outside any record. */
    void walk(XmlDocumentWalker.Handler handler, String expectedRoot, String formatName) {
        if (document == null) {
            return;
        }
        XmlDocumentWalker.WalkOutcome outcome = document.walk(handler);
        if (outcome.root() != null && !outcome.root().equals(expectedRoot) && feedError == null) {
            feedError("not " + formatName + ": root element <" + outcome.root() + ">, expected <" + expectedRoot
                    + ">; the response begins: " + document.head(200), "line 1", document.bytes());
        }
        if (outcome.failure() != null) {
            XmlDocumentWalker.Failure failure = outcome.failure();
            String where = "line " + failure.line() + ", column " + failure.column();
            String text = document.text();
            int from = Math.min(failure.charOffset(), text.length());
            byte[] raw = text.substring(from).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            results.add(context.error(where, "malformed XML, the rest of the document is unreadable ("
                    + results.size() + " records read before): " + failure.message(), raw));
        }
        for (XmlDocumentWalker.InvalidBytes invalid : document.invalidBytes()) {
            if (!chargedInvalidBytes.contains(invalid.byteOffset())) {
                results.add(context.error("byte offset " + invalid.byteOffset() + " (line " + invalid.line() + ")",
                        "invalid UTF-8 outside any record", new byte[0]));
            }
        }
    }

    Page page() {
        return new Page(results, Optional.ofNullable(resumptionToken),
                totalResults == null ? OptionalLong.empty() : OptionalLong.of(totalResults),
                Optional.ofNullable(feedError), deleted,
                cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor));
    }
}
