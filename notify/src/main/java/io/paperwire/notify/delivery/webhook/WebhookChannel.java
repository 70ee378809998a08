package io.paperwire.notify.delivery.webhook;

import io.paperwire.notify.delivery.DeliveryChannel;
import io.paperwire.notify.delivery.DeliveryResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * POSTs a {@link WebhookRequest} with {@code Content-Type: application/json} and the headers
 * {@code X-Paperwire-Timestamp}, {@code X-Paperwire-Signature}, {@code X-Paperwire-Delivery} and
 * {@code X-Paperwire-Event}. The URL is checked by the {@link WebhookUrlPolicy} before every POST. Outcome: 2xx
 * delivered; 408, 425, 429, 5xx, timeouts and I/O errors retryable; a refused URL, a redirect or any other status
 * permanent. Each endpoint host ({@code host:port}) is its own lane.
 *
 * <p>The {@link HttpClient} is passed in; build it with {@code followRedirects(NEVER)} and a connect timeout.
 */
public final class WebhookChannel implements DeliveryChannel<WebhookRequest> {

    private final HttpClient http;
    private final WebhookUrlPolicy urlPolicy;
    private final Duration requestTimeout;
    private final Clock clock;

    public WebhookChannel(HttpClient http, WebhookUrlPolicy urlPolicy, Duration requestTimeout, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.urlPolicy = Objects.requireNonNull(urlPolicy, "urlPolicy");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return AlertWebhookComposer.CHANNEL;
    }

    @Override
    public String laneOf(WebhookRequest request) {
        try {
            URI uri = URI.create(request.url().strip());
            String host = uri.getHost() == null ? "invalid" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
            return host + ":" + port;
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }

    @Override
    public DeliveryResult deliver(WebhookRequest request) {
        URI uri;
        try {
            uri = urlPolicy.check(request.url());
        } catch (WebhookUrlRefusedException e) {
            return DeliveryResult.permanent(e.getMessage());
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        byte[] body = request.body();
        HttpRequest post = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "paperwire-webhook/1")
                .header(WebhookSignatures.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.sign(request.secret(), timestamp, body))
                .header(WebhookSignatures.DELIVERY_HEADER, request.deliveryId())
                .header(WebhookSignatures.EVENT_HEADER, request.event())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(post, HttpResponse.BodyHandlers.discarding());
            return classify(uri, response.statusCode());
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retryable("POST " + uri + " timed out after " + requestTimeout);
        } catch (IOException e) {
            return DeliveryResult.retryable("POST " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retryable("POST " + uri + " interrupted");
        }
    }

    private static DeliveryResult classify(URI uri, int status) {
        String what = "POST " + uri + " answered " + status;
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(what);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return DeliveryResult.retryable(what);
        }
        if (status >= 300 && status < 400) {
            return DeliveryResult.permanent(what + " (redirects are not followed: configure the final URL)");
        }
        return DeliveryResult.permanent(what);
    }
}
