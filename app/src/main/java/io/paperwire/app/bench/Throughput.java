package io.paperwire.app.bench;

import java.time.Duration;

/**
 * How fast one stage or baseline moved its papers.
 *
 * @param papers   records moved (one paper event each)
 * @param bytes    serialized key and value bytes moved (0 when the stage does not see bytes)
 * @param elapsed  wall-clock time from the stage's start to its last record
 * @param cpuNanos CPU time of the whole process meanwhile (the embedded broker included), or -1 when unknown
 */
public record Throughput(long papers, long bytes, Duration elapsed, long cpuNanos) {

    /** Papers per second of wall-clock time. */
    public double papersPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : papers / seconds;
    }

    /** Megabytes (10^6 bytes) per second. */
    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }

    /** Process CPU microseconds per paper, or -1 when unknown. */
    public double cpuMicrosPerPaper() {
        return cpuNanos < 0 || papers == 0 ? -1 : cpuNanos / 1e3 / papers;
    }

    /** This throughput divided by a baseline's, or NaN when the baseline moved nothing. */
    public double ratioTo(Throughput baseline) {
        double base = baseline.papersPerSecond();
        return base <= 0 ? Double.NaN : papersPerSecond() / base;
    }
}
