package io.paperwire.notify.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to deliver a message and what came of it: the result, and when the next attempt is due (none when
 * it was delivered or given up).
 *
 * @param key            the ledger key of the delivery
 * @param idempotencyKey the id the receiver saw
 * @param number         1 for the first attempt
 * @param attemptedAt    when the attempt started, by the dispatcher's clock
 * @param result         how it went
 * @param nextAttemptAt  when the next attempt is due, or null
 * @param deadLettered   true when this attempt sent the delivery to the dead letters
 */
public record DeliveryAttempt(DeliveryKey key, String idempotencyKey, int number, Instant attemptedAt,
                              DeliveryResult result, Instant nextAttemptAt, boolean deadLettered) {

    public DeliveryAttempt {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(result, "result");
    }

    public Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttemptAt);
    }
}
