package io.paperwire.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one bench run does.
 *
 * @param papers           papers through ingest, the baselines, enrich and notify matching
 * @param endToEndPapers   further papers ingested while enrich and notify run as services, for the end-to-end figure
 * @param subscriptions    generated subscriptions notify matches against
 * @param offeredRate      papers per second published for the latency figure
 * @param latencyDuration  how long papers are published at {@code offeredRate}
 * @param corpus           a snapshot JSON Lines file whose papers are replicated (varied ids, versions and text)
 *                         instead of generating papers; empty: paperwire's generator
 * @param seed             seed of the papers and subscriptions: the same seed gives the same data
 * @param warmUpLimit      longest untimed warm-up of enrich and of the in-process matcher: each warms until the JIT
 *                         compiler is quiet or this long has passed, whichever is first
 */
public record BenchSettings(int papers, int endToEndPapers, int subscriptions, double offeredRate,
                            Duration latencyDuration, Optional<Path> corpus, long seed, Duration warmUpLimit) {

    /** The default {@code --warm-up-limit}. */
    public static final Duration DEFAULT_WARM_UP_LIMIT = Duration.ofSeconds(60);

    public BenchSettings {
        if (papers < 1) {
            throw new IllegalArgumentException("--papers must be at least 1, was " + papers);
        }
        if (endToEndPapers < 1) {
            throw new IllegalArgumentException("--end-to-end-papers must be at least 1, was " + endToEndPapers);
        }
        if (subscriptions < 1) {
            throw new IllegalArgumentException("--subscriptions must be at least 1, was " + subscriptions);
        }
        if (!(offeredRate > 0) || Double.isInfinite(offeredRate)) {
            throw new IllegalArgumentException("--rate must be a positive number of papers per second, was "
                    + offeredRate);
        }
        Objects.requireNonNull(latencyDuration, "latencyDuration");
        if (latencyDuration.isNegative() || latencyDuration.isZero()) {
            throw new IllegalArgumentException("--latency-duration must be positive, was " + latencyDuration);
        }
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(warmUpLimit, "warmUpLimit");
        if (warmUpLimit.isNegative()) {
            throw new IllegalArgumentException("--warm-up-limit must not be negative, was " + warmUpLimit);
        }
    }

    /** Papers published at the offered rate: rate × duration, at least one. */
    public int latencyPapers() {
        return (int) Math.max(1, Math.round(offeredRate * latencyDuration.toMillis() / 1000.0));
    }
}
