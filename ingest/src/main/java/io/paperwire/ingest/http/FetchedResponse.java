package io.paperwire.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;

/**
 * A response that was not retried: its status (any but 429/503), body bytes and the number of attempts it took.
 *
 * @param uri the requested URI
 * @param status the HTTP status
 * @param body the body as received
 * @param attempts how many attempts the request took, 1 when the first succeeded
 */
public record FetchedResponse(URI uri, int status, byte[] body, int attempts) {

    public FetchedResponse {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** The first {@code maxChars} characters of the body as text, for error messages. */
    public String bodySnippet(int maxChars) {
        String text = new String(body, 0, Math.min(body.length, maxChars * 4), java.nio.charset.StandardCharsets.UTF_8)
                .strip();
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
    }
}
