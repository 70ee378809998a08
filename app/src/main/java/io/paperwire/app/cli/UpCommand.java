package io.paperwire.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.paperwire.app.platform.Platform;
import io.paperwire.app.platform.TopicCatalog;
import io.paperwire.app.platform.TopicSpec;
import io.paperwire.app.config.Settings;
import io.paperwire.app.observability.Observability;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.ScheduledIngest;
import io.paperwire.app.services.DeliveryRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.enrich.EnrichService;
import io.paperwire.ingest.IngestListener;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.NotifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paperwire up}: starts the platform (embedded unless pointed elsewhere) and serves until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the Kafka broker and the schema registry (embedded by default), create the topics, "
                + "and serve until Ctrl-C.",
                "With --bootstrap-servers and --schema-registry-url nothing is embedded."})
public final class UpCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platformOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Platform platform = Platform.start(platformOptions.load());
        // What runs, in the order it must stop: the newest first, the platform last.
        List<AutoCloseable> started = new ArrayList<>(List.of(platform));
        Optional<ScheduledIngest> ingest = Optional.empty();
        Optional<EnrichService> enrich = Optional.empty();
        Optional<NotifyService> notify = Optional.empty();
        Optional<DeliveryRunner> delivery = Optional.empty();
        NotifyConfig notifyConfig;
        URI endpoints;
        try {
            notifyConfig = NotifyRunner.config(platform);
            Observability observability = Observability.start(platform);
            started.add(0, observability);
            if (platform.config().getBoolean(Settings.ENRICH_ENABLED)) {
                enrich = Optional.of(observability.watch(EnrichRunner.start(platform)));
                started.add(0, enrich.get());
            }
            if (platform.config().getBoolean(Settings.NOTIFY_ENABLED)) {
                notify = Optional.of(observability.watch(NotifyRunner.start(platform, notifyConfig)));
                started.add(0, notify.get());
                delivery = Optional.of(DeliveryRunner.start(platform, notify.get(), notify.get().http().url(),
                        observability.metrics()));
                started.add(0, delivery.get());
            }
            ingest = ScheduledIngest.start(platform, observability.ingestListener(IngestListener.silent()));
            ingest.ifPresent(i -> started.add(0, i));
            endpoints = observability.serve(notify);
        } catch (RuntimeException e) {
            ServeUntilStopped.closeQuietly(started);
            throw e;
        }
        printWhereEverythingListens(platform, out);
        out.println(enrich.isPresent() ? "  Enrich: running (papers.published -> papers.enriched, papers.signals -> papers.trending)"
                : "  Enrich: off (enrich.enabled=false)");
        notify.ifPresent(n -> out.printf("  Notify: running; subscriptions API %s/api/subscriptions (write token: %s)%n",
                n.http().url().toString().replaceAll("/$", ""), notifyConfig.apiToken()));
        delivery.flatMap(DeliveryRunner::mailDirectory).ifPresent(dir -> out.printf(
                "  Email: no SMTP server configured; mails are written as .eml files to %s%n", dir.toAbsolutePath()));
        out.println(ingest.isPresent() ? "  Ingest: scheduled (see ingest.* settings)"
                : "  Ingest: nothing scheduled (set ingest.feed.archives or ingest.hf-daily.enabled)");
        out.printf("  Metrics: %s/metrics (liveness: /health, readiness: /ready)%n", endpoints);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        ServeUntilStopped.serve("up", started);
        return 0;
    }

    static void printWhereEverythingListens(Platform platform, PrintWriter out) {
        out.println("paperwire is up");
        out.printf("  Kafka broker     %-28s %s%n", platform.bootstrapServers(),
                platform.embeddedKafka() ? "(embedded KRaft broker, data in " + platform.config().require("data.dir") + ")" : "(external)");
        out.printf("  Schema registry  %-28s %s%n", platform.schemaRegistryUrl(),
                platform.embeddedRegistry() ? "(embedded, Confluent-compatible, state in topic _schemas)" : "(external)");
        out.println("  Topics:");
        for (TopicSpec topic : TopicCatalog.specs(platform.config(), platform.topicNames())) {
            out.printf("    %-20s partitions=%d replication=%d %s%n", topic.name(), topic.partitions(),
                    topic.replicationFactor(), topic.configs());
        }
    }
}
