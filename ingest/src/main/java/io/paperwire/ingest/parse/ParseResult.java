package io.paperwire.ingest.parse;

import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.Paper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of parsing one record: a paper, an engagement signal, or an error that says where and why. Parsers return
 * these instead of throwing, so a bad record is reported (dead-lettered by the runtime) and the run goes on.
 */
public sealed interface ParseResult permits ParseResult.ParsedPaper, ParseResult.ParsedSignal, ParseResult.ParseError {

    /** Where in the source the record was read: record index, entry index, line number and byte offset. */
    String position();

    /**
     * A parsed, normalised paper.
     *
     * @param paper the paper; {@code kind} is left at {@code NEW_PAPER} for the dedup layer to decide
     * @param announceType the announcement feed's type (new, cross, replace, replace-cross), empty for other sources
     * @param position where the record was read
     * @param versions the version history when the source gives one (arXivRaw, snapshot; the arXiv OAI prefix gives
     *     v1 and, when revised, the date of the latest version), oldest first; empty otherwise
     * @param versionExact false when the source does not say the version number and {@code paper.version} is a lower
     *     bound (the OAI {@code arXiv} prefix of a revised paper, see docs/ingest-formats.md)
     */
    record ParsedPaper(Paper paper, Optional<AnnounceType> announceType, String position, List<PaperVersion> versions,
            boolean versionExact) implements ParseResult {
        public ParsedPaper {
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(announceType, "announceType");
            Objects.requireNonNull(position, "position");
            versions = List.copyOf(versions);
        }

        /** A paper whose source gives no version history and an exact version number. */
        public ParsedPaper(Paper paper, Optional<AnnounceType> announceType, String position) {
            this(paper, announceType, position, List.of(), true);
        }
    }

    /** An engagement signal (upvotes, comments) observed by a source. */
    record ParsedSignal(EngagementSignal signal, String position) implements ParseResult {
        public ParsedSignal {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * A record that could not be parsed.
     *
     * @param sourceRef the URL or file the record came from
     * @param position where in it (record index, line, byte offset, XML line and column)
     * @param message what is wrong, in words a person can act on
     * @param raw the bytes of the record as received (truncated to {@link ParserSettings#maxRawBytes()}), possibly empty
     */
    record ParseError(String sourceRef, String position, String message, byte[] raw) implements ParseResult {
        public ParseError {
            Objects.requireNonNull(sourceRef, "sourceRef");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(message, "message");
            raw = raw == null ? new byte[0] : raw;
        }

        @Override
        public String toString() {
            return "ParseError[" + sourceRef + " @ " + position + ": " + message + " (" + raw.length + " raw bytes)]";
        }
    }
}
