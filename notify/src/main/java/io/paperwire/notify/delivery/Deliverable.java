package io.paperwire.notify.delivery;

/**
 * A message a {@link DeliveryChannel} can send: it knows which ledger entry it fulfils and the idempotency key it
 * carries to the receiver (the mail's {@code Message-ID}, the webhook's {@code X-Paperwire-Delivery}), so a
 * receiver can drop a copy sent again after a crash.
 */
public interface Deliverable {

    /** What must be delivered once: the ledger key. */
    DeliveryKey deliveryKey();

    /** Deterministic id the receiver sees; the same for every attempt and every resend of this delivery. */
    String idempotencyKey();
}
