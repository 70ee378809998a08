package io.paperwire.notify.matching;

import java.util.Optional;

/**
 * A subscription query that cannot be stored: bad syntax, an unknown field, an empty query, a leading wildcard, a
 * query that can match nothing. The message names the problem and, where known, the 1-based column and the field,
 * so the REST API can return it as an HTTP 400 body unchanged.
 */
public class QueryValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String query;
    private final int column;
    private final String field;

    /**
     * @param query  the query as the user wrote it
     * @param column 1-based column of the problem, 0 when it has no single place
     * @param field  the field concerned, or null
     * @param problem what is wrong, as a sentence fragment (the column is appended)
     */
    public QueryValidationException(String query, int column, String field, String problem) {
        super(column > 0 ? problem + " (at column " + column + ")" : problem);
        this.query = query;
        this.column = column;
        this.field = field;
    }

    /** The query as the user wrote it. */
    public String query() {
        return query;
    }

    /** 1-based column of the problem, or 0 when the problem has no single place. */
    public int column() {
        return column;
    }

    /** The field concerned, when there is one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
