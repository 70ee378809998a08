package io.paperwire.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.util.OptionalInt;

/**
 * A request that failed for good: the server kept answering 429/503 after every attempt, or the connection kept
 * failing. The message names the URL, the last status or error and the number of attempts.
 */
public final class HttpFetchException extends IOException {

    private final URI uri;
    private final int attempts;
    private final OptionalInt lastStatus;

    public HttpFetchException(URI uri, int attempts, OptionalInt lastStatus, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.attempts = attempts;
        this.lastStatus = lastStatus;
    }

    public URI uri() {
        return uri;
    }

    public int attempts() {
        return attempts;
    }

    /** The HTTP status of the last attempt, empty when it failed without a response. */
    public OptionalInt lastStatus() {
        return lastStatus;
    }
}
