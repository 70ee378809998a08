/**
 * Webhooks: {@link io.paperwire.notify.delivery.webhook.AlertWebhookComposer} turns an alert into a JSON
 * {@link io.paperwire.notify.delivery.webhook.WebhookRequest}; {@link io.paperwire.notify.delivery.webhook.WebhookChannel}
 * POSTs it with an HMAC-SHA256 signature over {@code timestamp + "." + body}
 * ({@link io.paperwire.notify.delivery.webhook.WebhookSignatures}, which receivers can use to verify), after
 * {@link io.paperwire.notify.delivery.webhook.WebhookUrlPolicy} has refused non-http(s) URLs and private, loopback
 * and link-local addresses not allowed by configuration. Each host is its own lane, so one slow endpoint does not
 * hold up the others.
 */
package io.paperwire.notify.delivery.webhook;
