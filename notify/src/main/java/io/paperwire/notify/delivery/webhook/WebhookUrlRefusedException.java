package io.paperwire.notify.delivery.webhook;

/** A webhook URL paperwire will not POST to; the message says why and, when it helps, which setting allows it. */
public final class WebhookUrlRefusedException extends IllegalArgumentException {

    public WebhookUrlRefusedException(String message) {
        super(message);
    }
}
