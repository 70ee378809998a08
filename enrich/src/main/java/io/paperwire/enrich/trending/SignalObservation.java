package io.paperwire.enrich.trending;

import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.SignalKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a running total: "paper P had {@code count} upvotes on source S at {@code observedAt}".
 *
 * @param paperKey   stable paper key, e.g. {@code arxiv:2410.18057}
 * @param kind       what was counted
 * @param count      the total at {@code observedAt}, not a delta; never negative
 * @param observedAt when the total was read
 * @param source     who observed it, e.g. {@code hf-daily}; totals of different sources are tracked apart
 */
public record SignalObservation(String paperKey, SignalKind kind, long count, Instant observedAt, String source) {

    public SignalObservation {
        Objects.requireNonNull(paperKey, "paperKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
        if (count < 0) {
            throw new IllegalArgumentException("a running total cannot be negative: " + count + " " + kind
                    + " for " + paperKey + " from " + source);
        }
    }

    /** The observation an Avro {@link EngagementSignal} carries. */
    public static SignalObservation from(EngagementSignal signal) {
        return new SignalObservation(signal.getPaperKey(), signal.getKind(), signal.getCount(),
                signal.getObservedAt(), signal.getSource());
    }
}
