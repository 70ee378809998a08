package io.paperwire.notify.delivery.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Webhook delivery settings.
 *
 * @param requestTimeout how long one POST may take, response included ({@value #REQUEST_TIMEOUT}, default PT10S)
 * @param threadsPerHost POSTs running at once per endpoint host ({@value #THREADS_PER_HOST}, default 2)
 * @param queuedPerHost  POSTs waiting per host before the host's lane refuses more for now
 *                       ({@value #QUEUED_PER_HOST}, default 100)
 * @param signatureTolerance how far a receiver should accept timestamps from its clock, documented for receivers
 *                       and used by tests ({@value #SIGNATURE_TOLERANCE}, default PT5M)
 */
public record WebhookSettings(Duration requestTimeout, int threadsPerHost, int queuedPerHost,
                              Duration signatureTolerance) {

    public static final String REQUEST_TIMEOUT = "webhook.request.timeout";
    public static final String THREADS_PER_HOST = "webhook.threads.per.host";
    public static final String QUEUED_PER_HOST = "webhook.queued.per.host";
    public static final String SIGNATURE_TOLERANCE = "webhook.signature.tolerance";

    public WebhookSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(signatureTolerance, "signatureTolerance");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(REQUEST_TIMEOUT + " must be positive, got " + requestTimeout);
        }
        if (threadsPerHost < 1 || queuedPerHost < 1) {
            throw new IllegalArgumentException(THREADS_PER_HOST + " and " + QUEUED_PER_HOST
                    + " must be at least 1, got " + threadsPerHost + " and " + queuedPerHost);
        }
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(10), 2, 100, Duration.ofMinutes(5));
    }

    /** Reads the settings above; missing ones keep the defaults. */
    public static WebhookSettings fromProperties(Properties properties) {
        WebhookSettings d = defaults();
        try {
            return new WebhookSettings(
                    Duration.parse(properties.getProperty(REQUEST_TIMEOUT, d.requestTimeout.toString()).strip()),
                    Integer.parseInt(properties.getProperty(THREADS_PER_HOST, String.valueOf(d.threadsPerHost)).strip()),
                    Integer.parseInt(properties.getProperty(QUEUED_PER_HOST, String.valueOf(d.queuedPerHost)).strip()),
                    Duration.parse(properties.getProperty(SIGNATURE_TOLERANCE, d.signatureTolerance.toString()).strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid webhook.* settings: " + e.getMessage(), e);
        }
    }
}
