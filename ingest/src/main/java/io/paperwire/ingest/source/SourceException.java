package io.paperwire.ingest.source;

/**
 * A request of a source failed as a whole: the server kept refusing, answered an unexpected status, or reported an
 * error about the request (the arXiv API's error feed, the feed's bad-archive channel, an OAI-PMH error). The
 * message says which source, which URL and what went wrong.
 */
public final class SourceException extends Exception {

    private final boolean retryable;

    /**
     * @param retryable true when the same request may succeed later (server busy, connection lost); false when it
     *     will fail the same way (bad query, unknown archive)
     */
    public SourceException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public SourceException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
