package io.paperwire.ingest.source;

import java.util.Map;

/**
 * One place papers come from. The runner calls {@link #poll(Map)} with the last committed checkpoint (empty on the
 * first run) and publishes the batch's results together with the batch's next checkpoint in one transaction, then
 * polls again with that checkpoint until the batch says the source is caught up.
 *
 * <p>A source never throws for bad records (they come back as parse errors, dead-lettered by the runner); it throws
 * {@link SourceException} when a request as a whole fails.
 */
public interface PaperSource extends AutoCloseable {

    /** Stable id, also the checkpoint key: {@code arxiv-oai:arXiv:cs}, {@code arxiv-feed:cs.LG+stat.ML}, … */
    String id();

    /**
     * Reads the next batch after {@code checkpoint}.
     *
     * @param checkpoint the position after the last committed batch, empty when the source never ran
     * @throws SourceException when the request fails (retryable or not, see {@link SourceException#retryable()})
     * @throws InterruptedException when interrupted while waiting (politeness, backoff, directory watch)
     */
    SourceBatch poll(Map<String, String> checkpoint) throws SourceException, InterruptedException;

    /** Releases what the source holds (a directory watch); the default holds nothing. */
    @Override
    default void close() {
    }
}
