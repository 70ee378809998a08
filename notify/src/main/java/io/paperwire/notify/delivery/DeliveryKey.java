package io.paperwire.notify.delivery;

import java.util.Objects;

/**
 * What must be delivered at most once, as the delivery ledger's key: an alert on one channel
 * ({@code alert/<channel>/<alertId>}) or one digest period of a subscription
 * ({@code digest/<subscriptionId>/<periodId>}).
 *
 * @param value the key as stored in the ledger (and as the key of the compacted {@code deliveries} topic)
 */
public record DeliveryKey(String value) {

    public DeliveryKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a delivery key must not be blank");
        }
    }

    /** The key of one alert sent on one channel. */
    public static DeliveryKey forAlert(String alertId, String channel) {
        return new DeliveryKey("alert/" + requireText(channel, "channel") + "/" + requireText(alertId, "alertId"));
    }

    /** The key of one digest period ({@code daily:2025-03-30}, {@code weekly:2025-03-31}) of a subscription. */
    public static DeliveryKey forDigest(String subscriptionId, String periodId) {
        return new DeliveryKey("digest/" + requireText(subscriptionId, "subscriptionId") + "/"
                + requireText(periodId, "periodId"));
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }

    @Override
    public String toString() {
        return value;
    }
}
