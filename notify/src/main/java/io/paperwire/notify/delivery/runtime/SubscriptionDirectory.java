package io.paperwire.notify.delivery.runtime;

import io.paperwire.schemas.Subscription;
import java.util.Collection;
import java.util.Optional;

/**
 * Where the delivery runtime looks subscriptions up: the subscriptions store (a view of the compacted
 * {@code subscriptions} topic) in production, a map in tests. Implementations must be safe for concurrent reads.
 */
public interface SubscriptionDirectory {

    /** The subscription {@code id}, if it exists (in any status). */
    Optional<Subscription> find(String id);

    /** Every known subscription, for the digest tick (which skips inactive ones itself). */
    Collection<Subscription> all();
}
