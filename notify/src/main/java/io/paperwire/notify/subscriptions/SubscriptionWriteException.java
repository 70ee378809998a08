package io.paperwire.notify.subscriptions;

/** A subscription write that the broker did not acknowledge, or that was not read back in time. */
public class SubscriptionWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SubscriptionWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
