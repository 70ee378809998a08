package io.paperwire.ingest;

import java.io.PrintStream;

/** Hears what a run does: periodic progress, a source given up, the summary. The CLI prints them. */
public interface IngestListener {

    /** Called at most every progress interval with the totals so far. */
    default void progress(SourceCounts totalSoFar) {
    }

    /** A request of a source failed; {@code givenUp} when the runner stops polling it. */
    default void sourceError(String sourceId, String message, boolean givenUp) {
    }

    default void finished(IngestSummary summary) {
    }

    /** Does nothing. */
    static IngestListener silent() {
        return new IngestListener() {
        };
    }

    /** Prints progress lines, source errors and the summary to {@code out} (the CLI passes standard error). */
    static IngestListener printingTo(PrintStream out) {
        return new IngestListener() {
            @Override
            public void progress(SourceCounts t) {
                out.println("ingest: read " + t.read() + ", published " + t.published() + ", duplicate "
                        + t.duplicates() + ", dead-lettered " + t.deadLettered() + " so far");
            }

            @Override
            public void sourceError(String sourceId, String message, boolean givenUp) {
                out.println("ingest: " + sourceId + (givenUp ? " FAILED, giving up: " : " error, will retry: ")
                        + message);
            }

            @Override
            public void finished(IngestSummary summary) {
                out.println(summary.describe());
            }
        };
    }
}
