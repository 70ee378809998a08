package io.paperwire.enrich.trending;

import java.time.Duration;

/**
 * A sliding window a trending score is computed over, with the half-life of its time decay: a signal
 * {@code halfLife} old counts half as much as a fresh one, and a signal older than {@code length} not at all.
 */
public enum TrendingWindow {
    /** The last 24 hours, half-life 6 hours: what is hot today. */
    DAY(Duration.ofHours(24), Duration.ofHours(6), "P1D"),
    /** The last 7 days, half-life 2 days: what was talked about this week. */
    WEEK(Duration.ofDays(7), Duration.ofDays(2), "P7D");

    private final Duration length;
    private final Duration halfLife;
    private final String isoName;

    TrendingWindow(Duration length, Duration halfLife, String isoName) {
        this.length = length;
        this.halfLife = halfLife;
        this.isoName = isoName;
    }

    public Duration length() {
        return length;
    }

    public Duration halfLife() {
        return halfLife;
    }

    /** The ISO-8601 name written into {@code TrendingScore.window}: {@code P1D} or {@code P7D}. */
    public String isoName() {
        return isoName;
    }

    /** The longest window: how long a delta must be kept. */
    public static Duration longest() {
        Duration longest = Duration.ZERO;
        for (TrendingWindow window : values()) {
            if (window.length.compareTo(longest) > 0) {
                longest = window.length;
            }
        }
        return longest;
    }
}
