package io.paperwire.ingest.parse;

import java.time.Clock;
import java.util.Objects;

/**
 * Limits and the clock shared by every parser.
 *
 * @param maxAbstractBytes an abstract longer than this (in UTF-8 bytes) makes the record an error; default 64 KiB
 * @param maxRawBytes how many bytes of a bad record an error keeps for replay; default 64 KiB
 * @param maxLineBytes a JSON line longer than this is an error (and skipped to its end); default 4 MiB
 * @param clock gives {@code ingestedAt} of papers and {@code observedAt} of signals
 */
public record ParserSettings(int maxAbstractBytes, int maxRawBytes, int maxLineBytes, Clock clock) {

    public static final int DEFAULT_MAX_ABSTRACT_BYTES = 64 * 1024;

    public ParserSettings {
        if (maxAbstractBytes <= 0 || maxRawBytes < 0 || maxLineBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: abstract " + maxAbstractBytes + ", raw "
                    + maxRawBytes + ", line " + maxLineBytes);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** 64 KiB abstracts, 64 KiB raw bytes kept, 4 MiB lines, the system UTC clock. */
    public static ParserSettings defaults() {
        return new ParserSettings(DEFAULT_MAX_ABSTRACT_BYTES, 64 * 1024, 4 * 1024 * 1024, Clock.systemUTC());
    }

    public ParserSettings withClock(Clock newClock) {
        return new ParserSettings(maxAbstractBytes, maxRawBytes, maxLineBytes, newClock);
    }

    public ParserSettings withMaxAbstractBytes(int bytes) {
        return new ParserSettings(bytes, maxRawBytes, maxLineBytes, clock);
    }
}
