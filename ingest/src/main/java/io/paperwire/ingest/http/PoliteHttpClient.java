package io.paperwire.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs URLs politely: one request at a time per host, at least {@link HttpSettings#minIntervalFor(String)} between
 * the end of one request to a host and the start of the next, a {@code User-Agent} naming paperwire and a contact,
 * and retries of 429 and 503 (and of failed connections) with exponential backoff that honours {@code Retry-After}
 * (delta-seconds, HTTP date, or arXiv's body text "Retry after N seconds"). Any other status is returned to the
 * caller, who decides what it means (the arXiv API answers a bad query with 400 and an error feed).
 *
 * <p>Time is read from the given {@link Clock} and waited through the given {@link Sleeper}.
 */
public final class PoliteHttpClient {

    private static final Logger log = LoggerFactory.getLogger(PoliteHttpClient.class);

    private final HttpClient http;
    private final HttpSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, HostLane> lanes = new ConcurrentHashMap<>();

    /** Per-host state: the lock that keeps requests to a host sequential and when the last one finished. */
    private static final class HostLane {
        final ReentrantLock lock = new ReentrantLock();
        Instant lastFinishedAt;
    }

    public PoliteHttpClient(HttpClient http, HttpSettings settings, Clock clock, Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A client on the system clock and real sleeps, following redirects, HTTP/1.1 (one connection per host). */
    public static PoliteHttpClient create(HttpSettings settings) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        return new PoliteHttpClient(http, settings, Clock.systemUTC(), Sleeper.system());
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * GETs {@code uri}, waiting for the host's politeness interval first and retrying 429/503 and connection errors.
     *
     * @return the first response whose status is neither 429 nor 503
     * @throws HttpFetchException when every attempt was answered 429/503 or failed to connect
     * @throws InterruptedException when interrupted while waiting
     */
    public FetchedResponse get(URI uri) throws HttpFetchException, InterruptedException {
        String host = Objects.requireNonNull(uri.getHost(), () -> "URL without host: " + uri).toLowerCase(Locale.ROOT);
        HostLane lane = lanes.computeIfAbsent(host, h -> new HostLane());
        lane.lock.lockInterruptibly();
        try {
            return getWithRetries(uri, host, lane);
        } finally {
            lane.lock.unlock();
        }
    }

    private FetchedResponse getWithRetries(URI uri, String host, HostLane lane)
            throws HttpFetchException, InterruptedException {
        Duration minInterval = settings.minIntervalFor(host);
        Duration extraWait = Duration.ZERO;
        OptionalInt lastStatus = OptionalInt.empty();
        IOException lastError = null;
        String lastProblem = "";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            waitForTurn(lane, minInterval, extraWait);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", settings.userAgent())
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                lane.lastFinishedAt = clock.instant();
                int status = response.statusCode();
                if (status != 429 && status != 503) {
                    return new FetchedResponse(uri, status, response.body(), attempt);
                }
                lastStatus = OptionalInt.of(status);
                Optional<Duration> asked = RetryAfter.fromHeader(response.headers().firstValue("Retry-After"),
                                clock.instant())
                        .or(() -> RetryAfter.fromBody(response.body()));
                extraWait = capped(asked.orElse(backoff(attempt)));
                lastProblem = "HTTP " + status + (asked.isPresent() ? " (server asked to retry after "
                        + asked.get().toSeconds() + " s)" : "");
                lastError = null;
            } catch (IOException e) {
                lane.lastFinishedAt = clock.instant();
                lastError = e;
                lastStatus = OptionalInt.empty();
                extraWait = capped(backoff(attempt));
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < settings.maxAttempts()) {
                log.warn("GET {} attempt {}/{} failed with {}; retrying in {} s", uri, attempt,
                        settings.maxAttempts(), lastProblem, extraWait.toSeconds());
            }
        }
        throw new HttpFetchException(uri, settings.maxAttempts(), lastStatus, "GET " + uri + " failed after "
                + settings.maxAttempts() + " attempts; last: " + lastProblem, lastError);
    }

    /** Waits until both the host's politeness interval and any server-requested wait have passed. */
    private void waitForTurn(HostLane lane, Duration minInterval, Duration extraWait) throws InterruptedException {
        if (lane.lastFinishedAt == null) {
            return;
        }
        Duration required = minInterval.compareTo(extraWait) >= 0 ? minInterval : extraWait;
        Instant readyAt = lane.lastFinishedAt.plus(required);
        Duration remaining = Duration.between(clock.instant(), readyAt);
        if (remaining.compareTo(Duration.ZERO) > 0) {
            sleeper.sleep(remaining);
        }
    }

    private Duration backoff(int attempt) {
        int doublings = Math.min(attempt - 1, 20);
        return settings.initialBackoff().multipliedBy(1L << doublings);
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
