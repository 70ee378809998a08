package io.paperwire.enrich.trending;

import io.paperwire.schemas.SignalKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores how much attention papers are getting. Input: {@link SignalObservation}s (running totals per paper, kind
 * and source). Output: a {@link PaperTrend} per paper and {@link TrendingWindow}, and the top papers of a window.
 *
 * <p>Totals become deltas: the first total seen for a (paper, kind, source) counts in full at its observation
 * time; each later one counts {@code max(0, total − previous total)}; an observation older than the last one
 * seen for the same (paper, kind, source) is stale and ignored; a total that went down counts 0 and becomes the
 * new baseline. The score of a paper at time {@code now} over window W (length L, half-life H) is
 *
 * <pre>  score = Σ weight(kind) × delta × 2^(−age / H)   over deltas with age = now − t in [0, L)</pre>
 *
 * where a delta stamped after {@code now} (a producer's clock running ahead) counts with age 0. The window's
 * upvote, comment, star and view counts are the plain sums of the deltas in it. {@code now} comes from the
 * {@link Clock} given to the constructor, so tests and replays control it. Deltas older than the longest window
 * are pruned on every observation; the last total per (paper, kind, source) is kept so a later total is not
 * counted twice. Not thread-safe: one instance per stream task.
 */
public final class TrendingScorer {

    /** Default weight of each kind: a comment takes more effort than an upvote or star; a view takes almost none. */
    public static final Map<SignalKind, Double> DEFAULT_WEIGHTS = Map.of(
            SignalKind.UPVOTE, 1.0,
            SignalKind.STAR, 1.0,
            SignalKind.COMMENT, 3.0,
            SignalKind.VIEW, 0.01,
            SignalKind.OTHER, 0.5);

    private record Delta(SignalKind kind, long amount, Instant at) {
    }

    private record LastTotal(long count, Instant observedAt) {
    }

    private static final class PaperSignals {
        final Map<String, LastTotal> lastTotals = new HashMap<>();
        final Deque<Delta> deltas = new ArrayDeque<>();
        Instant newestObservation = Instant.MIN;
    }

    private final Clock clock;
    private final Map<SignalKind, Double> weights;
    private final Map<String, PaperSignals> papers = new HashMap<>();

    public TrendingScorer(Clock clock) {
        this(clock, DEFAULT_WEIGHTS);
    }

    /**
     * @param weights weight per signal kind; a kind left out weighs 0
     */
    public TrendingScorer(Clock clock, Map<SignalKind, Double> weights) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<SignalKind, Double> copy = new EnumMap<>(SignalKind.class);
        weights.forEach((kind, weight) -> {
            if (!(weight >= 0) || weight.isInfinite()) {
                throw new IllegalArgumentException("weight of " + kind + " must be a finite number >= 0, was "
                        + weight);
            }
            copy.put(kind, weight);
        });
        this.weights = copy;
    }

    /**
     * Records one observation.
     *
     * @return the delta it contributed (0 for a stale, repeated or decreasing total)
     */
    public long observe(SignalObservation observation) {
        PaperSignals paper = papers.computeIfAbsent(observation.paperKey(), k -> new PaperSignals());
        String series = observation.kind() + "|" + observation.source();
        LastTotal last = paper.lastTotals.get(series);
        if (last != null && observation.observedAt().isBefore(last.observedAt())) {
            return 0;
        }
        long delta = last == null ? observation.count() : Math.max(0, observation.count() - last.count());
        paper.lastTotals.put(series, new LastTotal(observation.count(), observation.observedAt()));
        if (observation.observedAt().isAfter(paper.newestObservation)) {
            paper.newestObservation = observation.observedAt();
        }
        if (delta > 0) {
            paper.deltas.add(new Delta(observation.kind(), delta, observation.observedAt()));
        }
        prune(paper, clock.instant());
        return delta;
    }

    /** A paper's trend over a window at the clock's current time, or empty for a paper never observed. */
    public Optional<PaperTrend> trend(String paperKey, TrendingWindow window) {
        PaperSignals paper = papers.get(paperKey);
        return paper == null ? Optional.empty() : Optional.of(trend(paperKey, paper, window, clock.instant()));
    }

    /** The {@code limit} papers with the highest positive score over a window, best first (ties by key). */
    public List<PaperTrend> top(TrendingWindow window, int limit) {
        Instant now = clock.instant();
        List<PaperTrend> trends = new ArrayList<>();
        papers.forEach((key, paper) -> {
            PaperTrend trend = trend(key, paper, window, now);
            if (trend.score() > 0) {
                trends.add(trend);
            }
        });
        trends.sort(Comparator.comparingDouble(PaperTrend::score).reversed().thenComparing(PaperTrend::paperKey));
        return trends.size() > limit ? List.copyOf(trends.subList(0, limit)) : List.copyOf(trends);
    }

    private PaperTrend trend(String paperKey, PaperSignals paper, TrendingWindow window, Instant now) {
        double halfLifeMillis = window.halfLife().toMillis();
        Instant start = now.minus(window.length());
        double score = 0;
        Map<SignalKind, Long> counts = new EnumMap<>(SignalKind.class);
        Instant newest = null;
        for (Delta delta : paper.deltas) {
            if (!delta.at().isAfter(start)) {
                continue;
            }
            long ageMillis = Math.max(0, Duration.between(delta.at(), now).toMillis());
            score += weights.getOrDefault(delta.kind(), 0.0) * delta.amount()
                    * Math.pow(2, -ageMillis / halfLifeMillis);
            counts.merge(delta.kind(), delta.amount(), Long::sum);
            newest = newest == null || delta.at().isAfter(newest) ? delta.at() : newest;
        }
        return new PaperTrend(paperKey, window, score, counts.getOrDefault(SignalKind.UPVOTE, 0L),
                counts.getOrDefault(SignalKind.COMMENT, 0L), counts.getOrDefault(SignalKind.STAR, 0L),
                counts.getOrDefault(SignalKind.VIEW, 0L), newest != null ? newest : paper.newestObservation);
    }

    private static void prune(PaperSignals paper, Instant now) {
        Instant oldestKept = now.minus(TrendingWindow.longest());
        paper.deltas.removeIf(delta -> !delta.at().isAfter(oldestKept));
    }
}
