package io.paperwire.app.bench;

import java.util.Arrays;

/**
 * Publish → alert latency at a fixed offered rate, with enrich and notify running as services. The latency of a
 * paper is from the moment the bench handed it to the producer to the moment its first alert was read from the
 * alerts topic (committed); papers that match no subscription have none.
 *
 * @param offeredRate   papers per second asked for
 * @param achievedRate  papers per second actually published
 * @param papers        papers published
 * @param alertedPapers papers with at least one alert
 * @param p50Millis     median
 * @param p95Millis     95th percentile
 * @param p99Millis     99th percentile
 * @param maxMillis     largest
 */
public record LatencyFigures(double offeredRate, double achievedRate, long papers, long alertedPapers,
                             double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    /** The figures of these latencies (milliseconds, in any order); percentiles by the nearest-rank rule. */
    static LatencyFigures of(double offeredRate, double achievedRate, long papers, double[] latenciesMillis) {
        double[] sorted = latenciesMillis.clone();
        Arrays.sort(sorted);
        return new LatencyFigures(offeredRate, achievedRate, papers, sorted.length, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
