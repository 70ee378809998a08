package io.paperwire.app.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.DeliveryRunner;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.enrich.EnrichService;
import io.paperwire.notify.NotifyService;
import io.paperwire.schemas.PaperwireTopics;

/**
 * paperwire's services in the test JVM, started by {@code app}'s own runners on a stack's cluster, as
 * {@code paperwire up} starts them: the platform (topics created), then enrich, then notify with alert delivery.
 * {@link #close()} stops them newest first.
 */
final class PaperwireServices implements AutoCloseable {

    private final Platform platform;
    private final List<AutoCloseable> started = new ArrayList<>();
    private EnrichService enrich;
    private NotifyService notify;

    private PaperwireServices(Platform platform) {
        this.platform = platform;
    }

    /** The platform on the configured cluster, with its topics; no service yet. */
    static PaperwireServices on(PaperwireConfig config) {
        return new PaperwireServices(Platform.start(config));
    }

    /** Starts enrich ({@code papers.published} to {@code papers.enriched}). */
    PaperwireServices startEnrich() {
        enrich = EnrichRunner.start(platform);
        started.add(0, enrich);
        return this;
    }

    /** Starts notify (subscriptions, matching, {@code alerts}) and the delivery of its alerts. */
    PaperwireServices startNotify() {
        notify = NotifyRunner.start(platform, NotifyRunner.config(platform));
        started.add(0, notify);
        started.add(0, DeliveryRunner.start(platform, notify, notify.http().url(),
                io.paperwire.app.observability.PaperwireMetrics.create()));
        return this;
    }

    Platform platform() {
        return platform;
    }

    PaperwireTopics topics() {
        return PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
    }

    Optional<EnrichService> enrich() {
        return Optional.ofNullable(enrich);
    }

    NotifyService notifyService() {
        if (notify == null) {
            throw new IllegalStateException("notify is not started");
        }
        return notify;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable service : started) {
            try {
                service.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        platform.close();
        if (first != null) {
            throw first;
        }
    }
}
