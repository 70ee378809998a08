package io.paperwire.app.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.enrich.EnrichService;
import io.paperwire.ingest.IngestListener;
import io.paperwire.notify.NotifyService;
import io.paperwire.notify.http.NotifyHttpServer;
import io.paperwire.schemas.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-running paperwire process shows its operator: {@code /metrics}, {@code /health} and {@code /ready}
 * (see {@link ObservabilityEndpoints}). A serving command {@link #start}s it on its platform (readiness then needs
 * the broker and the registry), hands it each service it starts ({@link #watch(EnrichService)},
 * {@link #watch(NotifyService)}, {@link #ingestListener}, {@link #metrics()} for delivery), then {@link #serve}s
 * the endpoints: on notify's HTTP server when the process runs notify, otherwise on a server of its own on
 * {@code host:http.port}. Closed before the services it watches.
 */
public final class Observability implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Observability.class);
    /** How long each readiness check may take; {@code /ready} answers within about twice this. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Platform platform;
    private final PaperwireMetrics metrics;
    private final Readiness readiness;
    private final Admin admin;
    private NotifyHttpServer ownServer;

    private Observability(Platform platform, PaperwireMetrics metrics, Readiness readiness, Admin admin) {
        this.platform = platform;
        this.metrics = metrics;
        this.readiness = readiness;
        this.admin = admin;
    }

    /** Metrics with the JVM meters, and readiness checks of the platform's broker and registry. Serves nothing yet. */
    public static Observability start(Platform platform) {
        Objects.requireNonNull(platform, "platform");
        Admin admin = platform.admin();
        HttpClient http = HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();
        Readiness readiness = new Readiness()
                .add(ReadinessCheck.brokerReachable(admin, CHECK_TIMEOUT))
                .add(ReadinessCheck.registryReachable(http, URI.create(platform.schemaRegistryUrl()), CHECK_TIMEOUT));
        return new Observability(platform, PaperwireMetrics.create(), readiness, admin);
    }

    /** The metrics, for the services that report counts (delivery). */
    public PaperwireMetrics metrics() {
        return metrics;
    }

    /** The readiness checks, for a process that adds its own. */
    public Readiness readiness() {
        return readiness;
    }

    /** Measures enrich (papers enriched, its lag and dead letters) and makes its state part of readiness. */
    public EnrichService watch(EnrichService enrich) {
        TopicNames topics = platform.topicNames();
        metrics.watchStreamsApp("enrich", enrich.streams(), topics.deadLetters(),
                new PaperwireMetrics.CountedOutput(PaperwireMetrics.PAPERS_ENRICHED, topics.enriched(),
                        "Enriched papers written to " + topics.enriched() + " by this process"));
        readiness.add(ReadinessCheck.streamsRunning("enrich", enrich::state));
        return enrich;
    }

    /** Measures notify (papers matched, its lag and dead letters) and makes its state part of readiness. */
    public NotifyService watch(NotifyService notify) {
        TopicNames topics = platform.topicNames();
        metrics.watchStreamsApp("notify", notify.streams(), topics.deadLetters(),
                new PaperwireMetrics.CountedOutput(PaperwireMetrics.PAPERS_MATCHED, topics.alerts(),
                        "Alerts written to " + topics.alerts() + " by this process: one per (subscription, paper) match"));
        readiness.add(ReadinessCheck.streamsRunning("notify", () -> notify.streams().state()));
        return notify;
    }

    /** An ingest listener that counts what ingest publishes, then tells {@code next}. */
    public IngestListener ingestListener(IngestListener next) {
        return metrics.ingestListener(next);
    }

    /**
     * Serves the endpoints on notify's HTTP server when given, otherwise starts a server of its own on
     * {@code host:http.port}.
     *
     * @return the base URL of the endpoints
     */
    public URI serve(Optional<NotifyService> notify) {
        ObservabilityEndpoints endpoints = new ObservabilityEndpoints(metrics, readiness);
        NotifyHttpServer http;
        if (notify.isPresent()) {
            http = notify.get().http();
        } else {
            ownServer = NotifyHttpServer.start(platform.config().require(Settings.HOST),
                    platform.config().getInt(Settings.HTTP_PORT), 2);
            http = ownServer;
        }
        endpoints.registerOn(http);
        log.info("metrics on {}/metrics, liveness on /health, readiness on /ready", http.url());
        return http.url();
    }

    /** Stops its own server (if it started one) and its admin client, and closes the metrics. */
    @Override
    public void close() {
        if (ownServer != null) {
            ownServer.close(Duration.ofSeconds(1));
        }
        admin.close(Duration.ofSeconds(5));
        metrics.close();
    }
}
