package io.paperwire.app.bench;

import java.util.List;
import java.util.Set;

import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.schemas.EnrichedPaper;

/**
 * What a bench run saw, beyond the figures, so that its counts can be checked independently (the bench's own test
 * compares the alerts with a plain Lucene search over the same enriched papers).
 *
 * @param enriched      the enriched papers of the measured set, as read from {@code papers.enriched}
 * @param subscriptions the subscriptions written to {@code subscriptions}
 * @param matcherPairs  {@code subscriptionId|paperKey} of every match of the in-process matcher
 * @param alertPairs    {@code subscriptionId|paperKey} of every alert the notify service wrote for the measured set
 */
public record BenchEvidence(List<EnrichedPaper> enriched, List<SubscriptionSpec> subscriptions,
                            Set<String> matcherPairs, Set<String> alertPairs) {

    /** The pair key of a (subscription, paper). */
    public static String pair(String subscriptionId, String paperKey) {
        return subscriptionId + "|" + paperKey;
    }
}
