package io.paperwire.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

import io.paperwire.app.observability.Observability;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
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
        subcommands = {RunCommand.Enrich.class, RunCommand.Notify.class})
public final class RunCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
            description = "Run the notify service: subscriptions API, stored-query matching, papers.enriched -> alerts.")
    static final class Notify implements Callable<Integer> {
        @Mixin
        PlatformOptions platformOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Platform platform = Platform.connectOrStart(platformOptions.load());
            NotifyService notify = null;
            NotifyConfig config;
            Observability observability = null;
            try {
                config = NotifyRunner.config(platform);
                observability = Observability.start(platform);
                notify = observability.watch(NotifyRunner.start(platform, config));
                observability.serve(Optional.of(notify));
            } catch (RuntimeException e) {
                ServeUntilStopped.closeQuietly(Stream.of(notify, observability, platform).filter(Objects::nonNull).toList());
                throw e;
            }
            out.printf("notify running against %s; subscriptions API %s/api/subscriptions (write token: %s); "
                    + "metrics on /metrics; press Ctrl-C to stop.%n", platform.bootstrapServers(),
                    notify.http().url().toString().replaceAll("/$", ""), config.apiToken());
            out.flush();
            ServeUntilStopped.serve("notify", List.of(notify, observability, platform));
            return 0;
        }
    }
}
