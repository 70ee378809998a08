package io.paperwire.ingest.http;

import java.time.Duration;

/**
 * Waits for a duration. Production code uses {@link #system()}; tests pass a sleeper that advances a controllable
 * clock instead of waiting, so politeness and backoff are checked without real time passing.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}; returns at once for zero or negative durations. */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper backed by {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
