package io.paperwire.app.bench;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.schemas.EnrichedPaper;

/**
 * What a bench run saw, beyond the figures, so that its counts can be checked independently (the bench's own test
 * compares the alerts with a plain Lucene search over the same enriched papers).
 *
 * @param enriched      the enriched papers of the measured set, as read from {@code papers.enriched}
 * @param subscriptions the subscriptions written to {@code subscriptions}
 * @param matcherPairsOf {@code subscriptionId|paperKey} of every match of the in-process matcher, made on demand
 * @param alertPairsOf   the same of every alert the notify service wrote for the measured set, made on demand
 */
public record BenchEvidence(List<EnrichedPaper> enriched, List<SubscriptionSpec> subscriptions,
                            Supplier<Set<String>> matcherPairsOf, Supplier<Set<String>> alertPairsOf) {

    /** {@code subscriptionId|paperKey} of every match of the in-process matcher (large at full scale). */
    public Set<String> matcherPairs() {
        return matcherPairsOf.get();
    }

    /** {@code subscriptionId|paperKey} of every alert for the measured set (large at full scale). */
    public Set<String> alertPairs() {
        return alertPairsOf.get();
    }

    /** The pair key of a (subscription, paper). */
    public static String pair(String subscriptionId, String paperKey) {
        return subscriptionId + "|" + paperKey;
    }
}
