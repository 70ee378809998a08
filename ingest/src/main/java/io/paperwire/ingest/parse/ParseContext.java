package io.paperwire.ingest.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What every result of one parse shares: the source reference, the source name written into papers, and the settings.
 */
record ParseContext(String sourceRef, String sourceName, ParserSettings settings) {

    ParseContext {
        sourceRef = sourceRef == null ? "(unknown)" : sourceRef;
    }

    /** The {@code Paper.sourceRef} of a record: the URL itself, or for a file its path and line. */
    String recordRef(long line) {
        boolean url = sourceRef.startsWith("http://") || sourceRef.startsWith("https://");
        return url || line <= 0 ? sourceRef : sourceRef + ":" + line;
    }

    ParseResult.ParseError error(String position, String message, byte[] raw) {
        return new ParseResult.ParseError(sourceRef, position, message, truncate(raw));
    }

    ParseResult.ParseError error(String position, String message, String raw) {
        return error(position, message, raw == null ? null : raw.getBytes(StandardCharsets.UTF_8));
    }

    byte[] truncate(byte[] raw) {
        if (raw == null) {
            return new byte[0];
        }
        return raw.length <= settings.maxRawBytes() ? raw : Arrays.copyOf(raw, settings.maxRawBytes());
    }
}
