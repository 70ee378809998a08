package io.paperwire.notify.matching;

import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.MatchReasonKind;
import java.util.Objects;

/**
 * One thing that made a paper match a subscription: a term or phrase of the paper's text, a tag, a category, an
 * author, the similarity to a seed paper, or the trending score. The immutable twin of the Avro
 * {@link MatchReason} that alerts carry ({@link #toAvro()}).
 *
 * @param kind   what fired
 * @param field  the paper field it fired on ({@code title}, {@code tags}...), or null (similarity, trending)
 * @param detail the paper's own words that fired (the whole tag, author name or category), or the seed paper key
 * @param score  the similarity or trending score, when there is one
 */
public record Reason(MatchReasonKind kind, String field, String detail, Double score) {

    public Reason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The Avro form, for an {@code Alert}. */
    public MatchReason toAvro() {
        return MatchReason.newBuilder().setKind(kind).setField(field).setDetail(detail).setScore(score).build();
    }
}
