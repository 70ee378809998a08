package io.paperwire.ingest.publish;

import io.paperwire.ingest.parse.ParseResult.ParseError;
import io.paperwire.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * Turns a parse error into a {@link DeadLetter}: stage {@code ingest}, the URL or file as source, the position inside
 * it, the raw bytes (truncated to a limit), and the error class and message.
 */
public final class DeadLetterFactory {

    /** Default cap on the raw bytes a dead letter keeps. */
    public static final int DEFAULT_MAX_VALUE_BYTES = 64 * 1024;
    static final String PARSE_ERROR_CLASS = "io.paperwire.ingest.parse.ParseError";

    private final int maxValueBytes;

    public DeadLetterFactory(int maxValueBytes) {
        if (maxValueBytes < 0) {
            throw new IllegalArgumentException("maxValueBytes must not be negative");
        }
        this.maxValueBytes = maxValueBytes;
    }

    public DeadLetter from(ParseError error, Instant now) {
        byte[] raw = error.raw();
        byte[] kept = raw.length > maxValueBytes ? Arrays.copyOf(raw, maxValueBytes) : raw;
        String message = raw.length > maxValueBytes
                ? error.message() + " (raw record truncated from " + raw.length + " to " + maxValueBytes + " bytes)"
                : error.message();
        return DeadLetter.newBuilder()
                .setStage("ingest")
                .setSource(error.sourceRef())
                .setPosition(error.position())
                .setValue(ByteBuffer.wrap(kept))
                .setErrorClass(PARSE_ERROR_CLASS)
                .setErrorMessage(message)
                .setOccurredAt(now)
                .build();
    }
}
