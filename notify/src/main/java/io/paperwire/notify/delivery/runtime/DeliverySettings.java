package io.paperwire.notify.delivery.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Settings of {@link AlertDeliveryService}.
 *
 * @param pollTimeout           longest wait for alerts in one {@link AlertDeliveryService#pollOnce()}
 * @param digestTick            how often due digests are looked for
 * @param paperCacheSize        enriched papers kept to join alerts with (and trending papers with)
 * @param matchesPerSubscription matches kept per subscription for its next digest
 * @param startupTimeout        longest the start (reading {@code papers.enriched} and {@code papers.trending}) and
 *                              a catch-up for a missing paper may take
 * @param digestLookback        how far back the alerts are read at start to fill the digests (a weekly digest
 *                              needs 7 days)
 */
public record DeliverySettings(Duration pollTimeout, Duration digestTick, int paperCacheSize,
                               int matchesPerSubscription, Duration startupTimeout, Duration digestLookback) {

    public static final String POLL_TIMEOUT = "delivery.poll.timeout";
    public static final String DIGEST_TICK = "delivery.digest.tick";
    public static final String PAPER_CACHE_SIZE = "delivery.paper.cache.size";
    public static final String MATCHES_PER_SUBSCRIPTION = "delivery.digest.matches.per.subscription";
    public static final String STARTUP_TIMEOUT = "delivery.startup.timeout";
    public static final String DIGEST_LOOKBACK = "delivery.digest.lookback";
    /** The consumer group of the alerts consumer. */
    public static final String CONSUMER_GROUP = "paperwire-notify-delivery";

    public DeliverySettings {
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(digestTick, "digestTick");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(digestLookback, "digestLookback");
        if (digestLookback.isNegative()) {
            throw new IllegalArgumentException("digestLookback must not be negative, got " + digestLookback);
        }
        if (pollTimeout.isNegative() || digestTick.isNegative() || digestTick.isZero() || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("need pollTimeout >= 0, digestTick > 0 and startupTimeout > 0, got "
                    + pollTimeout + ", " + digestTick + ", " + startupTimeout);
        }
        if (paperCacheSize < 1 || matchesPerSubscription < 1) {
            throw new IllegalArgumentException("paperCacheSize and matchesPerSubscription must be at least 1, got "
                    + paperCacheSize + " and " + matchesPerSubscription);
        }
    }

    /**
     * 500 ms polls, a digest tick a minute, 20,000 papers, 500 matches per subscription, 2 minutes to start, 8 days
     * of alerts read back for the digests.
     */
    public static DeliverySettings defaults() {
        return new DeliverySettings(Duration.ofMillis(500), Duration.ofMinutes(1), 20_000, 500, Duration.ofMinutes(2),
                Duration.ofDays(8));
    }

    /** Reads the settings named by the constants of this class (durations in ISO-8601); missing ones keep defaults. */
    public static DeliverySettings fromProperties(Properties properties) {
        DeliverySettings d = defaults();
        try {
            return new DeliverySettings(
                    Duration.parse(properties.getProperty(POLL_TIMEOUT, d.pollTimeout.toString()).strip()),
                    Duration.parse(properties.getProperty(DIGEST_TICK, d.digestTick.toString()).strip()),
                    Integer.parseInt(properties.getProperty(PAPER_CACHE_SIZE, String.valueOf(d.paperCacheSize)).strip()),
                    Integer.parseInt(properties.getProperty(MATCHES_PER_SUBSCRIPTION,
                            String.valueOf(d.matchesPerSubscription)).strip()),
                    Duration.parse(properties.getProperty(STARTUP_TIMEOUT, d.startupTimeout.toString()).strip()),
                    Duration.parse(properties.getProperty(DIGEST_LOOKBACK, d.digestLookback.toString()).strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid delivery.* settings: " + e.getMessage(), e);
        }
    }
}
