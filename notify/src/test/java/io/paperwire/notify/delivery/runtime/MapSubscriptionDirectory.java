package io.paperwire.notify.delivery.runtime;

import io.paperwire.schemas.Subscription;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Subscriptions held in a map, for tests. */
final class MapSubscriptionDirectory implements SubscriptionDirectory {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

    MapSubscriptionDirectory with(Subscription subscription) {
        byId.put(subscription.getId(), subscription);
        return this;
    }

    @Override
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Collection<Subscription> all() {
        return List.copyOf(byId.values());
    }
}
