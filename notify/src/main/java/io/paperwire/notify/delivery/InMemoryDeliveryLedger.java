package io.paperwire.notify.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DeliveryLedger} in memory, for tests and for a single process that may forget on restart. It keeps the
 * same contract as the Kafka-backed ledger, so a test can "restart" by building a new dispatcher on the same
 * ledger instance.
 */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private final Map<DeliveryKey, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(DeliveryKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public Entry recordIntent(DeliveryKey key, String idempotencyKey, Instant at) {
        return entries.compute(key, (k, existing) -> {
            if (existing == null) {
                return new Entry(k, State.PENDING, idempotencyKey, 0, at, null);
            }
            if (existing.state() == State.PENDING && !existing.idempotencyKey().equals(idempotencyKey)) {
                throw new IllegalStateException("delivery " + k + " is pending with idempotency key '"
                        + existing.idempotencyKey() + "', not '" + idempotencyKey
                        + "': a resend must carry the same key");
            }
            return existing;
        });
    }

    @Override
    public void recordFailedAttempt(DeliveryKey key, String reason, Instant at) {
        entries.computeIfPresent(key, (k, e) -> e.state() == State.PENDING
                ? new Entry(k, State.PENDING, e.idempotencyKey(), e.attempts() + 1, at, reason)
                : e);
        requirePresent(key);
    }

    @Override
    public void recordSent(DeliveryKey key, String receipt, Instant at) {
        entries.computeIfPresent(key, (k, e) -> e.state() == State.PENDING
                ? new Entry(k, State.SENT, e.idempotencyKey(), e.attempts(), at, receipt)
                : e);
        requirePresent(key);
    }

    @Override
    public void recordDead(DeliveryKey key, String reason, Instant at) {
        entries.computeIfPresent(key, (k, e) -> e.state() == State.PENDING
                ? new Entry(k, State.DEAD, e.idempotencyKey(), e.attempts(), at, reason)
                : e);
        requirePresent(key);
    }

    @Override
    public List<Entry> pending() {
        return inState(State.PENDING);
    }

    @Override
    public List<Entry> dead() {
        return inState(State.DEAD);
    }

    private List<Entry> inState(State state) {
        return entries.values().stream()
                .filter(e -> e.state() == state)
                .sorted(Comparator.comparing(Entry::updatedAt).thenComparing(e -> e.key().value()))
                .toList();
    }

    private void requirePresent(DeliveryKey key) {
        if (!entries.containsKey(key)) {
            throw new IllegalStateException("no intent recorded for delivery " + key
                    + ": record the intent before the send");
        }
    }
}
