/**
 * Subscriptions: the JSON shape of the REST API and its validation
 * ({@link io.paperwire.notify.subscriptions.SubscriptionRequest}), and
 * {@link io.paperwire.notify.subscriptions.SubscriptionStore}, the in-memory view of the compacted
 * {@code subscriptions} topic that is their source of truth.
 */
package io.paperwire.notify.subscriptions;
