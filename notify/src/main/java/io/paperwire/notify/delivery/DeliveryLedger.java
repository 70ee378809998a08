package io.paperwire.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was sent, so that nothing is sent twice: one entry per {@link DeliveryKey} (an alert on a channel, a digest
 * period of a subscription). The order of writes is the guarantee: {@link #recordIntent} <em>before</em> a send,
 * {@link #recordSent} after it. After a crash between the two, the entry is still {@link State#PENDING} with the
 * idempotency key the receiver saw; the dispatcher sends it again with that same key, so the receiver can drop the
 * copy (see {@code docs/delivery.md}).
 *
 * <p>The production implementation is a compacted Kafka topic ({@code deliveries}) keyed by {@link DeliveryKey}.
 * Implementations must be safe for concurrent use.
 */
public interface DeliveryLedger {

    /**
     * Catches up with entries other processes wrote (called when this process takes over deliveries from another);
     * a ledger only this process writes has nothing to do.
     */
    default void refresh() {
    }

    /** Where a delivery stands. */
    enum State {
        /** An intent was recorded; the message may or may not have reached the receiver. */
        PENDING,
        /** The receiver accepted the message. Final. */
        SENT,
        /** Given up after a permanent failure or too many attempts. Final, visible as a failed delivery. */
        DEAD
    }

    /**
     * One delivery as the ledger knows it.
     *
     * @param key            the delivery
     * @param state          where it stands
     * @param idempotencyKey the id the receiver sees (Message-ID, webhook delivery id)
     * @param attempts       failed attempts so far (a {@link State#SENT} entry does not count its last, good one)
     * @param updatedAt      time of the last change
     * @param lastDetail     receipt when sent, last failure reason otherwise; may be null
     */
    record Entry(DeliveryKey key, State state, String idempotencyKey, int attempts, Instant updatedAt,
                 String lastDetail) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        public boolean isFinal() {
            return state != State.PENDING;
        }
    }

    /** The entry of {@code key}, if any was ever recorded. */
    Optional<Entry> find(DeliveryKey key);

    /** True when {@code key} reached the receiver. */
    default boolean isSent(DeliveryKey key) {
        return find(key).map(e -> e.state() == State.SENT).orElse(false);
    }

    /**
     * Records that {@code key} is about to be sent with {@code idempotencyKey}, before the send. Returns the entry as
     * it stands afterwards: a new {@link State#PENDING} entry, the existing pending one (a resume after a restart),
     * or an existing final one, unchanged, which the caller must not send again.
     *
     * @throws IllegalStateException when a pending entry carries another idempotency key (a receiver could not
     *                               recognise the duplicate)
     */
    Entry recordIntent(DeliveryKey key, String idempotencyKey, Instant at);

    /** Counts a failed attempt of a pending delivery; it stays pending. */
    void recordFailedAttempt(DeliveryKey key, String reason, Instant at);

    /** Marks a pending delivery as sent. Idempotent: a second call changes nothing. */
    void recordSent(DeliveryKey key, String receipt, Instant at);

    /** Marks a pending delivery as given up. */
    void recordDead(DeliveryKey key, String reason, Instant at);

    /** Deliveries with an intent and no outcome: what a restart must resume. */
    List<Entry> pending();

    /** Deliveries given up: what {@code paperwire deliveries --failed} lists. */
    List<Entry> dead();
}
