package io.paperwire.ingest.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one response or file yields.
 *
 * @param results one result per record, in source order
 * @param resumptionToken the OAI-PMH token for the next page; empty when there is none or it is empty (last page)
 * @param totalResults the size of the whole result set when the source says it (OAI {@code completeListSize}, API
 *     {@code opensearch:totalResults})
 * @param feedError an error the source reported about the request as a whole (OAI {@code <error>}, the API error
 *     entry, the feed's bad-archive channel, a body of the wrong kind such as an HTML 503 page); it is also present as
 *     a {@link ParseResult.ParseError} in results
 * @param deleted OAI records marked {@code status="deleted"}: nothing to publish, listed so they are counted
 * @param cursor the OAI resumption token's {@code cursor} (index of this page's first record), or the API
 *     {@code opensearch:startIndex}
 */
public record Page(List<ParseResult> results, Optional<String> resumptionToken, OptionalLong totalResults,
        Optional<String> feedError, List<DeletedRecord> deleted, OptionalLong cursor) {

    public Page {
        results = List.copyOf(results);
        deleted = List.copyOf(deleted);
        Objects.requireNonNull(resumptionToken, "resumptionToken");
        Objects.requireNonNull(totalResults, "totalResults");
        Objects.requireNonNull(feedError, "feedError");
        Objects.requireNonNull(cursor, "cursor");
    }

    /** A page without deleted records or cursor. */
    public Page(List<ParseResult> results, Optional<String> resumptionToken, OptionalLong totalResults,
            Optional<String> feedError) {
        this(results, resumptionToken, totalResults, feedError, List.of(), OptionalLong.empty());
    }

    /** A page with results only. */
    public static Page of(List<ParseResult> results) {
        return new Page(results, Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    /** The parsed papers. */
    public List<ParseResult.ParsedPaper> papers() {
        return results.stream().filter(ParseResult.ParsedPaper.class::isInstance)
                .map(ParseResult.ParsedPaper.class::cast).toList();
    }

    /** The parsed engagement signals. */
    public List<ParseResult.ParsedSignal> signals() {
        return results.stream().filter(ParseResult.ParsedSignal.class::isInstance)
                .map(ParseResult.ParsedSignal.class::cast).toList();
    }

    /** The errors. */
    public List<ParseResult.ParseError> errors() {
        return results.stream().filter(ParseResult.ParseError.class::isInstance)
                .map(ParseResult.ParseError.class::cast).toList();
    }

    /**
     * An OAI-PMH record the repository marks as deleted.
     *
     * @param identifier the OAI identifier, e.g. {@code oai:arXiv.org:1234.5678}
     * @param key the paper key when the identifier holds an arXiv id
     * @param datestamp the header datestamp
     * @param position where it was read
     */
    public record DeletedRecord(String identifier, Optional<String> key, String datestamp, String position) {
    }
}
