package io.paperwire.notify.alerting;

import io.paperwire.schemas.Subscription;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the subscriptions that asked for new-version alerts ({@code notifyNewVersions}), kept in memory by
 * {@link SubscriptionCatalogProcessor} from the {@code subscriptions} topic and read by every stream thread's
 * {@link AlertProcessor}, so that deciding on an update costs a hash look-up instead of a state-store read and an
 * Avro decoding per match. Whether a subscription is active is the matcher's business: it matches active ones only.
 */
final class NewVersionSubscribers {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** Takes the subscription's current wish. */
    void update(Subscription subscription) {
        if (subscription.getNotifyNewVersions()) {
            ids.add(subscription.getId());
        } else {
            ids.remove(subscription.getId());
        }
    }

    /** Forgets a deleted subscription. */
    void remove(String subscriptionId) {
        ids.remove(subscriptionId);
    }

    /** Whether this subscription wants an alert for each new version of a paper already alerted. */
    boolean wantsNewVersions(String subscriptionId) {
        return ids.contains(subscriptionId);
    }
}
