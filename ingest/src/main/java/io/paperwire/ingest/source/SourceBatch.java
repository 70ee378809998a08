package io.paperwire.ingest.source;

import io.paperwire.ingest.parse.ParseResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One batch read from a source.
 *
 * @param sourceRef the URL or file the batch was read from (for dead letters and messages)
 * @param results papers, signals and parse errors in source order
 * @param nextCheckpoint the position to store with this batch: where the next poll continues
 * @param caughtUp true when the source has nothing more to read for now (last page, feed already seen, end of files)
 */
public record SourceBatch(String sourceRef, List<ParseResult> results, Map<String, String> nextCheckpoint,
        boolean caughtUp) {

    public SourceBatch {
        Objects.requireNonNull(sourceRef, "sourceRef");
        results = List.copyOf(results);
        nextCheckpoint = Map.copyOf(nextCheckpoint);
    }

    /** Nothing read; the checkpoint stays as it is. */
    public static SourceBatch empty(String sourceRef, Map<String, String> checkpoint, boolean caughtUp) {
        return new SourceBatch(sourceRef, List.of(), checkpoint, caughtUp);
    }
}
