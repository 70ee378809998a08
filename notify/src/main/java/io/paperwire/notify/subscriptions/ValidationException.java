package io.paperwire.notify.subscriptions;

import java.util.Objects;

/**
 * A subscription request that cannot be stored. {@link #field()} names the JSON field at fault in dotted form
 * ({@code channels.dailyDigest.timeZone}); the message says what is wrong with it, so the REST API returns both as
 * an HTTP 400 body.
 */
public class ValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the JSON field at fault, or null when the body as a whole is
     * @param problem what is wrong, naming the field
     */
    public ValidationException(String field, String problem) {
        super(Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /** The JSON field at fault, or null when the whole body is (not JSON, not an object). */
    public String field() {
        return field;
    }
}
