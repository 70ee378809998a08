package io.paperwire.ingest.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link PoliteHttpClient}.
 *
 * @param defaultMinInterval minimum time between two requests to one host when {@code minIntervalByHost} names no
 *     other (default 1 s)
 * @param minIntervalByHost minimum time between requests per host name, lower case (default: 3 s for
 *     {@code export.arxiv.org}, {@code arxiv.org}, {@code rss.arxiv.org}, {@code oaipmh.arxiv.org})
 * @param contact who to contact about the harvester (an e-mail or URL), put in the {@code User-Agent}
 * @param version paperwire's version, put in the {@code User-Agent}
 * @param maxAttempts how many times one request is tried in all before giving up (default 5)
 * @param initialBackoff the wait before the first retry when the server gives no {@code Retry-After}; doubled at
 *     each further retry (default 5 s)
 * @param maxBackoff the longest wait between two attempts, also the cap on {@code Retry-After} (default 5 min)
 * @param requestTimeout how long one request may take, headers and body (default 60 s)
 */
public record HttpSettings(Duration defaultMinInterval, Map<String, Duration> minIntervalByHost, String contact,
        String version, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {

    /** arXiv asks for at most one request every 3 seconds on a single connection. */
    public static final Duration ARXIV_MIN_INTERVAL = Duration.ofSeconds(3);

    public HttpSettings {
        Objects.requireNonNull(defaultMinInterval, "defaultMinInterval");
        minIntervalByHost = Map.copyOf(minIntervalByHost);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(version, "version");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (defaultMinInterval.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("intervals must not be negative");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Defaults: 3 s per arXiv host, 1 s elsewhere, 5 attempts, backoff 5 s doubling up to 5 min. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(1),
                Map.of("export.arxiv.org", ARXIV_MIN_INTERVAL, "arxiv.org", ARXIV_MIN_INTERVAL,
                        "rss.arxiv.org", ARXIV_MIN_INTERVAL, "oaipmh.arxiv.org", ARXIV_MIN_INTERVAL),
                "https://github.com/paperwire/paperwire", "0.1.0", 5, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofSeconds(60));
    }

    /** The minimum interval between requests to {@code host}. */
    public Duration minIntervalFor(String host) {
        return minIntervalByHost.getOrDefault(host.toLowerCase(Locale.ROOT), defaultMinInterval);
    }

    /** {@code paperwire/<version> (+<contact>)}. */
    public String userAgent() {
        return "paperwire/" + version + " (+" + contact + ")";
    }

    public HttpSettings withContact(String newContact) {
        return new HttpSettings(defaultMinInterval, minIntervalByHost, newContact, version, maxAttempts,
                initialBackoff, maxBackoff, requestTimeout);
    }

    public HttpSettings withMinInterval(String host, Duration interval) {
        var merged = new java.util.HashMap<>(minIntervalByHost);
        merged.put(host.toLowerCase(Locale.ROOT), interval);
        return new HttpSettings(defaultMinInterval, merged, contact, version, maxAttempts, initialBackoff, maxBackoff,
                requestTimeout);
    }

    public HttpSettings withDefaultMinInterval(Duration interval) {
        return new HttpSettings(interval, minIntervalByHost, contact, version, maxAttempts, initialBackoff, maxBackoff,
                requestTimeout);
    }

    public HttpSettings withMaxAttempts(int attempts) {
        return new HttpSettings(defaultMinInterval, minIntervalByHost, contact, version, attempts, initialBackoff,
                maxBackoff, requestTimeout);
    }

    public HttpSettings withBackoff(Duration initial, Duration max) {
        return new HttpSettings(defaultMinInterval, minIntervalByHost, contact, version, maxAttempts, initial, max,
                requestTimeout);
    }
}
