package io.paperwire.notify.delivery;

import java.util.Objects;

/**
 * How one delivery attempt went: {@link Delivered}, {@link RetryableFailure} (try again later: the server is down,
 * busy or answered 4xx/5xx-temporary) or {@link PermanentFailure} (retrying cannot help: bad address, refused URL).
 */
public sealed interface DeliveryResult
        permits DeliveryResult.Delivered, DeliveryResult.RetryableFailure, DeliveryResult.PermanentFailure {

    /** What the receiver said, or where the message went (a file path, an SMTP reply, an HTTP status). */
    String detail();

    static DeliveryResult delivered(String receipt) {
        return new Delivered(receipt);
    }

    static DeliveryResult retryable(String reason) {
        return new RetryableFailure(reason);
    }

    static DeliveryResult permanent(String reason) {
        return new PermanentFailure(reason);
    }

    default boolean isDelivered() {
        return this instanceof Delivered;
    }

    /** The message reached the receiver; {@code receipt} says where or how. */
    record Delivered(String receipt) implements DeliveryResult {
        public Delivered {
            Objects.requireNonNull(receipt, "receipt");
        }

        @Override
        public String detail() {
            return receipt;
        }
    }

    /** The attempt failed for a reason that may go away; try again after a backoff. */
    record RetryableFailure(String reason) implements DeliveryResult {
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String detail() {
            return reason;
        }
    }

    /** The attempt failed for a reason that will not go away; dead-letter it. */
    record PermanentFailure(String reason) implements DeliveryResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String detail() {
            return reason;
        }
    }
}
