package io.paperwire.ingest.publish;

/**
 * A batch could not be committed (broker unreachable, a send failed, the producer was fenced by a newer ingest
 * instance). The transaction was aborted, so none of the batch is visible to {@code read_committed} readers.
 */
public final class PublishException extends Exception {

    private final boolean fatal;

    /** @param fatal true when this producer cannot be used again (fenced, or not authorised) */
    public PublishException(String message, boolean fatal, Throwable cause) {
        super(message, cause);
        this.fatal = fatal;
    }

    public boolean fatal() {
        return fatal;
    }
}
