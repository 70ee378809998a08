package io.paperwire.app.bench;

import java.time.Instant;
import java.util.Locale;

import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;

/**
 * Turns generated {@link SubscriptionSpec}s into the {@link Subscription} records notify reads from the
 * {@code subscriptions} topic: feed delivery only (no mail, no webhook), paused when the spec is inactive, owned by a
 * {@code example.org} address that never receives anything.
 */
final class BenchSubscriptions {

    private BenchSubscriptions() {
    }

    static Subscription toRecord(SubscriptionSpec spec, Instant now) {
        return Subscription.newBuilder()
                .setId(spec.id())
                .setOwnerEmail("bench@example.org")
                .setName("bench " + spec.id())
                .setQuery(spec.query())
                .setSimilarTo(spec.seeds())
                .setSimilarityThreshold(spec.similarityThreshold())
                .setMinTrendingScore(spec.minTrendingScore())
                .setEmailInstant(false)
                .setFeed(true)
                .setStatus(spec.active() ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PAUSED)
                .setUnsubscribeToken(String.format(Locale.ROOT, "bench-%s", spec.id()))
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
    }
}
