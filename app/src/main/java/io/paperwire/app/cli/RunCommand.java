package io.paperwire.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.paperwire.app.config.ConfigException;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.observability.Observability;
import io.paperwire.ingest.IngestListener;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.DeliveryRunner;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.app.services.ScheduledIngest;
import io.paperwire.enrich.EnrichService;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.NotifyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paperwire run SERVICE}: runs one service against a cluster (or the running embedded platform), until Ctrl-C.
 * Several instances with the same settings share the partitions.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one service against --bootstrap-servers (or the running embedded platform) until Ctrl-C.",
        subcommands = {RunCommand.Ingest.class, RunCommand.Enrich.class, RunCommand.Notify.class})
public final class RunCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Run the configured harvests on their schedule: ingest.feed.archives (daily, after arXiv's "
                    + "announcement), ingest.hf-daily.enabled (hourly), ingest.watch.dir (at start, then every minute).",
                "Harvesting is not partitioned: run one instance per configuration (a second one fences the first)."})
    static final class Ingest implements Callable<Integer> {
        @Mixin
        PlatformOptions platformOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PaperwireConfig config = platformOptions.load();
            if (!ScheduledIngest.anyConfigured(config)) {
                throw new ConfigException("nothing to harvest: set " + Settings.INGEST_FEED_ARCHIVES + ", "
                        + Settings.INGEST_HF_DAILY_ENABLED + " or " + Settings.INGEST_WATCH_DIR);
            }
            Platform platform = Platform.connectOrStart(config);
            ScheduledIngest ingest = null;
            Observability observability = null;
            URI endpoints;
            try {
                observability = Observability.start(platform);
                ingest = ScheduledIngest.start(platform, observability.ingestListener(IngestListener.silent()))
                        .orElseThrow();
                endpoints = observability.serve(Optional.empty());
            } catch (RuntimeException e) {
                ServeUntilStopped.closeQuietly(Stream.of(ingest, observability, platform).filter(Objects::nonNull)
                        .toList());
                throw e;
            }
            out.println("ingest running against " + platform.bootstrapServers() + "; metrics on " + endpoints
                    + "/metrics; press Ctrl-C to stop.");
            out.flush();
            ServeUntilStopped.serve("ingest", List.of(ingest, observability, platform));
            return 0;
        }
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Run the enrich Kafka Streams app: papers.published -> papers.enriched, papers.signals -> papers.trending.")
    static final class Enrich implements Callable<Integer> {
        @Mixin
        PlatformOptions platformOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Platform platform = Platform.connectOrStart(platformOptions.load());
            EnrichService enrich = null;
            Observability observability = null;
            URI endpoints;
            try {
                observability = Observability.start(platform);
                enrich = observability.watch(EnrichRunner.start(platform));
                endpoints = observability.serve(Optional.empty());
            } catch (RuntimeException e) {
                ServeUntilStopped.closeQuietly(Stream.of(enrich, observability, platform).filter(Objects::nonNull).toList());
                throw e;
            }
            out.println("enrich running against " + platform.bootstrapServers() + "; metrics on " + endpoints
                    + "/metrics; press Ctrl-C to stop.");
            out.flush();
            ServeUntilStopped.serve("enrich", List.of(enrich, observability, platform));
            return enrich.failure().isPresent() ? 1 : 0;
        }
    }

    @Command(name = "notify", mixinStandardHelpOptions = true,
            description = "Run the notify service: subscriptions API, stored-query matching (papers.enriched -> alerts) "
                    + "and alert delivery (mail, webhooks, digests, live feeds).")
    static final class Notify implements Callable<Integer> {
        @Mixin
        PlatformOptions platformOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Platform platform = Platform.connectOrStart(platformOptions.load());
            // What runs, in the order it must stop: the newest first, the platform last.
            List<AutoCloseable> started = new ArrayList<>(List.of(platform));
            NotifyService notify;
            NotifyConfig config;
            DeliveryRunner delivery;
            try {
                config = NotifyRunner.config(platform);
                Observability observability = Observability.start(platform);
                started.add(0, observability);
                notify = observability.watch(NotifyRunner.start(platform, config));
                started.add(0, notify);
                observability.serve(Optional.of(notify));
                delivery = DeliveryRunner.start(platform, notify, notify.http().url(), observability.metrics());
                started.add(0, delivery);
            } catch (RuntimeException e) {
                ServeUntilStopped.closeQuietly(started);
                throw e;
            }
            out.printf("notify running against %s; subscriptions API %s/api/subscriptions (write token: %s); "
                    + "metrics on /metrics; press Ctrl-C to stop.%n", platform.bootstrapServers(),
                    notify.http().url().toString().replaceAll("/$", ""), config.apiToken());
            delivery.mailDirectory().ifPresent(dir -> out.printf(
                    "  Email: no SMTP server configured; mails are written as .eml files to %s%n", dir.toAbsolutePath()));
            out.flush();
            ServeUntilStopped.serve("notify", started);
            return 0;
        }
    }
}
