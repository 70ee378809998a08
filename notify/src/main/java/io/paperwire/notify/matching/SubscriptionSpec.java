package io.paperwire.notify.matching;

import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.util.List;
import java.util.Objects;

/**
 * What the matcher needs to know of a subscription: its id, its query (may be absent for a pure "more like these
 * papers" subscription), the seed paper keys with the minimum cosine similarity, the minimum trending score, and
 * whether it is active (paused and unsubscribed ones never match).
 *
 * <p>A paper matches when every condition that is present holds: the query matches, the similarity to the closest
 * seed reaches the threshold, and the trending score reaches the minimum.
 *
 * @param id                  subscription id
 * @param query               Lucene query text (validated by {@link SubscriptionQuery#parse}), or null
 * @param seeds               seed paper keys for "more like these papers", possibly empty
 * @param similarityThreshold minimum cosine similarity in (0, 1], required when there are seeds, else null
 * @param minTrendingScore    minimum trending score, or null
 * @param active              false when paused or unsubscribed
 */
public record SubscriptionSpec(String id, String query, List<String> seeds, Double similarityThreshold,
                               Double minTrendingScore, boolean active) {

    /** Threshold used for a subscription with seeds but no threshold of its own. */
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.3;

    public SubscriptionSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a subscription needs an id");
        }
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        if (query != null && query.isBlank()) {
            query = null;
        }
        if (query == null && seeds.isEmpty()) {
            throw new IllegalArgumentException("subscription " + id + " has neither a query nor seed papers");
        }
        if (!seeds.isEmpty()) {
            double threshold = Objects.requireNonNullElse(similarityThreshold, DEFAULT_SIMILARITY_THRESHOLD);
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("subscription " + id + ": the similarity threshold must be in "
                        + "(0, 1], was " + similarityThreshold);
            }
            similarityThreshold = threshold;
        } else {
            similarityThreshold = null;
        }
        if (minTrendingScore != null && (minTrendingScore.isNaN() || minTrendingScore < 0)) {
            throw new IllegalArgumentException("subscription " + id + ": the minimum trending score must be >= 0, "
                    + "was " + minTrendingScore);
        }
    }

    /** An active subscription with only a query. */
    public static SubscriptionSpec ofQuery(String id, String query) {
        return new SubscriptionSpec(id, query, List.of(), null, null, true);
    }

    /** The matcher's view of a subscription record from the {@code subscriptions} topic. */
    public static SubscriptionSpec from(Subscription subscription) {
        return new SubscriptionSpec(subscription.getId(), subscription.getQuery(), subscription.getSimilarTo(),
                subscription.getSimilarityThreshold(), subscription.getMinTrendingScore(),
                subscription.getStatus() == SubscriptionStatus.ACTIVE);
    }

    /** This subscription, paused or resumed. */
    public SubscriptionSpec withActive(boolean newActive) {
        return new SubscriptionSpec(id, query, seeds, similarityThreshold, minTrendingScore, newActive);
    }

    /** This subscription with another query. */
    public SubscriptionSpec withQuery(String newQuery) {
        return new SubscriptionSpec(id, newQuery, seeds, similarityThreshold, minTrendingScore, active);
    }

    boolean hasQuery() {
        return query != null;
    }

    boolean hasSeeds() {
        return !seeds.isEmpty();
    }
}
