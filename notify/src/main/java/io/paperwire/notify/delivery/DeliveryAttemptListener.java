package io.paperwire.notify.delivery;

/**
 * Hears every finished attempt of a {@link DeliveryDispatcher}: delivered, failed and scheduled again, or given up
 * (see {@link DeliveryAttempt}). The application counts them for its metrics; notify itself depends on no metrics
 * library. Called on the thread that made the attempt, after the ledger recorded its outcome; must be quick and
 * must not throw.
 */
@FunctionalInterface
public interface DeliveryAttemptListener {

    /** One attempt finished; {@code attempt} says how. */
    void attempted(DeliveryAttempt attempt);

    /** Hears nothing. */
    static DeliveryAttemptListener none() {
        return attempt -> {
        };
    }
}
