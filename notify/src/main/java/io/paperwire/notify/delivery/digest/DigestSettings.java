package io.paperwire.notify.delivery.digest;

import java.util.Properties;

/**
 * Digest behaviour.
 *
 * @param skipWhenEmpty  send no mail when a period has neither matches nor trending papers
 *                       ({@value #SKIP_EMPTY}, default true)
 * @param trendingLimit  how many trending papers a digest shows ({@value #TRENDING_LIMIT}, default 10)
 * @param trendingOnlyCountsAsEmpty when true, a period with trending papers but no match of the subscriber is
 *                       also "nothing to send" ({@value #REQUIRE_MATCHES}, default false)
 */
public record DigestSettings(boolean skipWhenEmpty, int trendingLimit, boolean trendingOnlyCountsAsEmpty) {

    public static final String SKIP_EMPTY = "digest.skip.empty";
    public static final String TRENDING_LIMIT = "digest.trending.limit";
    public static final String REQUIRE_MATCHES = "digest.require.matches";

    public DigestSettings {
        if (trendingLimit < 0) {
            throw new IllegalArgumentException(TRENDING_LIMIT + " must not be negative, got " + trendingLimit);
        }
    }

    public static DigestSettings defaults() {
        return new DigestSettings(true, 10, false);
    }

    /** Reads the three settings, defaults as above. */
    public static DigestSettings fromProperties(Properties properties) {
        String limit = properties.getProperty(TRENDING_LIMIT, "10").strip();
        try {
            return new DigestSettings(Boolean.parseBoolean(properties.getProperty(SKIP_EMPTY, "true").strip()),
                    Integer.parseInt(limit),
                    Boolean.parseBoolean(properties.getProperty(REQUIRE_MATCHES, "false").strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TRENDING_LIMIT + " must be a number, got '" + limit + "'", e);
        }
    }
}
