/**
 * paperwire notify: matches enriched papers against subscribers' saved queries and alerts them, exactly once per
 * (subscription, paper). {@link io.paperwire.notify.NotifyService} runs the alerting topology
 * ({@code alerting}), the subscription store ({@code subscriptions}) and the HTTP API ({@code http});
 * {@code matching} matches, {@code delivery} delivers. Settings in {@link io.paperwire.notify.NotifyConfig}; see
 * {@code docs/notify.md}.
 */
package io.paperwire.notify;
