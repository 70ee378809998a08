package io.paperwire.notify.delivery;

/**
 * Sends one message somewhere (an SMTP server, a directory of {@code .eml} files, a webhook endpoint) and reports
 * the outcome. A channel does not retry and does not remember: {@link DeliveryDispatcher} does both. Implementations
 * must not throw for delivery problems; they return a {@link DeliveryResult}.
 *
 * @param <M> the message type the channel sends
 */
public interface DeliveryChannel<M extends Deliverable> {

    /** Short name of the channel, used in ledger keys and logs: {@code email}, {@code webhook}. */
    String name();

    /** Makes one attempt to deliver {@code message}. */
    DeliveryResult deliver(M message);

    /**
     * The lane a message travels in: messages of one lane share a bounded executor, so one slow receiver
     * (one webhook host) only delays its own lane. Defaults to one lane for the whole channel.
     */
    default String laneOf(M message) {
        return name();
    }
}
