package io.paperwire.notify.matching;

import java.util.List;

/**
 * A paper matched a subscription, and why.
 *
 * @param subscriptionId the subscription that matched
 * @param paperKey       the paper that matched
 * @param paperVersion   its version
 * @param reasons        what fired, never empty
 */
public record SubscriptionMatch(String subscriptionId, String paperKey, int paperVersion, List<Reason> reasons) {

    public SubscriptionMatch {
        reasons = List.copyOf(reasons);
    }
}
