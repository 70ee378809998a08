package io.paperwire.notify.delivery.webhook;

import io.paperwire.notify.delivery.Deliverable;
import io.paperwire.notify.delivery.DeliveryKey;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One webhook delivery: the JSON body for one URL, signed with the subscription's secret when sent.
 *
 * @param deliveryKey the ledger key (the alert on the webhook channel)
 * @param deliveryId  the {@code X-Paperwire-Delivery} header, derived from the alert id: the receiver's idempotency key
 * @param event       the {@code X-Paperwire-Event} header, e.g. {@code alert}
 * @param url         the endpoint
 * @param secret      the shared HMAC secret
 * @param body        the JSON body, UTF-8
 */
public record WebhookRequest(DeliveryKey deliveryKey, String deliveryId, String event, String url, String secret,
                             byte[] body) implements Deliverable {

    public WebhookRequest {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs a secret to sign with");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String idempotencyKey() {
        return deliveryId;
    }

    /** The body as text, for logs and dead letters. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + deliveryKey + ", id=" + deliveryId + ", url=" + url + ", " + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest that && deliveryKey.equals(that.deliveryKey)
                && deliveryId.equals(that.deliveryId) && event.equals(that.event) && url.equals(that.url)
                && secret.equals(that.secret) && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deliveryKey, deliveryId, url);
    }
}
