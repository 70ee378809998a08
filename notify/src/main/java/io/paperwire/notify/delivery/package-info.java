/**
 * Delivery of alerts to subscribers, whatever the channel.
 *
 * <p>A {@link io.paperwire.notify.delivery.DeliveryChannel} sends one message (a mail, a webhook request) and says
 * how it went: {@link io.paperwire.notify.delivery.DeliveryResult delivered, retryable or permanent failure}.
 * A {@link io.paperwire.notify.delivery.DeliveryDispatcher} sits in front of a channel: it consults the
 * {@link io.paperwire.notify.delivery.DeliveryLedger} so nothing is sent twice, records an intent before each send
 * and the outcome after it, retries retryable failures on a {@link io.paperwire.notify.delivery.RetryPolicy}
 * (exponential backoff with jitter) and hands what cannot be delivered to a
 * {@link io.paperwire.notify.delivery.DeadLetterSink}. Time comes from a {@link java.time.Clock}, so tests drive
 * retries by moving the clock.
 *
 * <p>Channels live in the sub-packages: {@code email} (SMTP or {@code .eml} files), {@code webhook} (signed HTTP
 * POST), {@code feed} (Server-Sent Events and Atom); {@code digest} decides when a digest mail is due.
 * The ordering guarantee of the ledger is described in {@code docs/delivery.md}.
 */
package io.paperwire.notify.delivery;
