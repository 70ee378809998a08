package io.paperwire.ingest.parse;

import java.io.InputStream;

/**
 * Turns the bytes of one response or file into results. Implementations never throw for bad content: unreadable
 * input, malformed records and missing fields become {@link ParseResult.ParseError}s. Only an {@code IOException}
 * while reading the stream itself (a broken connection) is reported as an error result too, since the bytes read so
 * far may already have yielded papers.
 */
public interface PaperParser {

    /** Parses the whole input; {@code sourceRef} (URL or file path) goes into every result and error. */
    Page parse(InputStream in, String sourceRef);

    /** The {@code Paper.source} value this parser sets: arxiv-oai, arxiv-api, arxiv-feed, hf-daily or file. */
    String sourceName();
}
