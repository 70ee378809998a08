package io.paperwire.notify.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every API error: {@code {"error": "...", "field": "..."}}, the field present when one is at
 * fault. Thrown by handlers and turned into a response by {@link JsonExchange}.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiError(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public ApiError(int status, String message) {
        this(status, message, null);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    /** The JSON body. */
    public Body body() {
        return new Body(getMessage(), field);
    }

    /**
     * What is sent.
     *
     * @param error what is wrong
     * @param field the JSON field at fault, when one is
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String error, String field) {
    }
}
