package io.paperwire.notify.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a delivery goes when it cannot be delivered: a permanent failure, or a retryable one that used up the
 * {@link RetryPolicy}. The production sink writes a {@code DeadLetter} record (stage {@code delivery}) to the
 * {@code deadletters} topic; {@link InMemoryDeadLetters} keeps them in memory.
 */
public interface DeadLetterSink {

    /**
     * A delivery given up.
     *
     * @param key        the ledger key
     * @param channel    the channel's name
     * @param message    the message that could not be delivered, for a replay
     * @param attempts   attempts made
     * @param lastReason why the last attempt failed
     * @param at         when it was given up
     */
    record DeadDelivery(DeliveryKey key, String channel, Deliverable message, int attempts, String lastReason,
                        Instant at) {
        public DeadDelivery {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(lastReason, "lastReason");
            Objects.requireNonNull(at, "at");
        }
    }

    void deadLetter(DeadDelivery deadDelivery);
}
