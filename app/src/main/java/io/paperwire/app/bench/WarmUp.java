package io.paperwire.app.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * An untimed warm-up that ran before a stage was measured, so that the stage is measured with the code a
 * long-running service would run: compiled by the JIT, not interpreted or waiting in the compiler's queue.
 *
 * @param papers  papers the stage processed while warming up
 * @param elapsed how long the warm-up took, wall-clock
 * @param settled true when it ended because the JIT compiler had become quiet; false when it ran into the bench's
 *                {@code --warm-up-limit} first (the stage was then measured while the JIT was still compiling)
 */
public record WarmUp(long papers, Duration elapsed, boolean settled) {

    public WarmUp {
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Papers per second during the warm-up: the stage's cold figure. */
    public double papersPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : papers / seconds;
    }
}
