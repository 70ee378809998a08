package io.paperwire.notify.subscriptions;

import io.paperwire.schemas.Subscription;

/**
 * Told by {@link SubscriptionStore} of every subscription it reads from the {@code subscriptions} topic, on the
 * store's reader thread, in topic order per partition. Must be quick and must not throw.
 */
public interface SubscriptionListener {

    /** A subscription was created or changed. */
    void upserted(Subscription subscription);

    /** A subscription was deleted (a tombstone). */
    void removed(String subscriptionId);
}
