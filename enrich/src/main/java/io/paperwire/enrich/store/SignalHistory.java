package io.paperwire.enrich.store;

import io.paperwire.enrich.trending.PaperTrend;
import io.paperwire.enrich.trending.SignalObservation;
import io.paperwire.enrich.trending.TrendingScorer;
import io.paperwire.enrich.trending.TrendingWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engagement observations of one paper that its trending score still depends on, as kept in the trending
 * state store: every observation inside the longest {@link TrendingWindow}, plus, per (kind, source) series, the
 * newest older one as the baseline a later running total is compared with. Replaying them into a fresh
 * {@link TrendingScorer} gives the same scores as a scorer that had seen every observation, so the store, not the
 * heap, holds the state. Immutable.
 *
 * @param observations accepted observations in arrival order (per series in time order)
 * @param published    whether the last score written to the trending table was non-zero (a zero score is
 *                     written once, as a tombstone, when a paper goes quiet)
 */
public record SignalHistory(List<SignalObservation> observations, boolean published) {

    /** How long a quiet paper's baselines are kept; a running total seen after that counts in full again. */
    public static final Duration BASELINE_RETENTION = Duration.ofDays(30);

    public SignalHistory {
        observations = List.copyOf(observations);
    }

    /** No observations yet. */
    public static SignalHistory empty() {
        return new SignalHistory(List.of(), false);
    }

    /** Whether the scorer would ignore {@code observation}: older than the last one of its series. */
    public boolean isStale(SignalObservation observation) {
        for (SignalObservation seen : observations) {
            if (sameSeries(seen, observation) && observation.observedAt().isBefore(seen.observedAt())) {
                return true;
            }
        }
        return false;
    }

    /** This history with one more observation (which must not be stale). */
    public SignalHistory with(SignalObservation observation) {
        List<SignalObservation> all = new ArrayList<>(observations);
        all.add(observation);
        return new SignalHistory(all, published);
    }

    /** This history with another {@link #published()} flag. */
    public SignalHistory withPublished(boolean nowPublished) {
        return new SignalHistory(observations, nowPublished);
    }

    /**
     * Drops what no score at {@code now} or later can depend on: per series, observations older than the longest
     * window except the newest of them (the baseline); every observation when the newest one is older than
     * {@link #BASELINE_RETENTION}.
     */
    public SignalHistory pruned(Instant now) {
        Instant windowStart = now.minus(TrendingWindow.longest());
        Instant newest = observations.stream().map(SignalObservation::observedAt).max(Instant::compareTo)
                .orElse(Instant.MIN);
        if (newest.isBefore(now.minus(BASELINE_RETENTION))) {
            return new SignalHistory(List.of(), published);
        }
        Map<String, SignalObservation> baselines = new HashMap<>();
        for (SignalObservation observation : observations) {
            if (!observation.observedAt().isAfter(windowStart)) {
                baselines.put(series(observation), observation);
            }
        }
        List<SignalObservation> kept = new ArrayList<>();
        for (SignalObservation observation : observations) {
            if (observation.observedAt().isAfter(windowStart) || baselines.get(series(observation)) == observation) {
                kept.add(observation);
            }
        }
        return new SignalHistory(kept, published);
    }

    /** The paper's trend over {@code window} at {@code now}, empty when there are no observations. */
    public java.util.Optional<PaperTrend> trend(String paperKey, TrendingWindow window, Instant now) {
        TrendingScorer scorer = new TrendingScorer(Clock.fixed(now, ZoneOffset.UTC));
        for (SignalObservation observation : observations) {
            scorer.observe(observation);
        }
        return scorer.trend(Objects.requireNonNull(paperKey, "paperKey"), window);
    }

    private static boolean sameSeries(SignalObservation a, SignalObservation b) {
        return a.kind() == b.kind() && a.source().equals(b.source());
    }

    private static String series(SignalObservation observation) {
        return observation.kind() + "|" + observation.source();
    }
}
