package io.paperwire.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.paperwire.app.platform.Platform;
import io.paperwire.notify.delivery.kafka.KafkaDeliveryLedger;
import io.paperwire.notify.delivery.runtime.DeliveryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paperwire deliveries --failed}: what the delivery ledger ({@code deliveries} topic) holds that did not go out:
 * deliveries given up (dead), being retried, and — with {@code --unfinished} — not yet tried. Nothing is silently
 * dropped: every failed delivery is listed here with its reason and attempts.
 */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "List failed (dead or retrying) deliveries from the delivery ledger, with reasons and attempts.")
public final class DeliveriesCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platformOptions;

    @Option(names = "--failed", description = "Dead and retrying deliveries (the default).")
    boolean failed;

    @Option(names = "--unfinished", description = "Also deliveries recorded but not tried yet.")
    boolean unfinished;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Platform platform = Platform.connectOrStart(platformOptions.load());
             KafkaDeliveryLedger ledger = KafkaDeliveryLedger.open(platform.bootstrapServers(),
                     platform.topicNames().deliveries(), Duration.ofSeconds(60))) {
            DeliveryReport report = unfinished ? DeliveryReport.unfinished(ledger) : DeliveryReport.failed(ledger);
            out.print(report.isEmpty() ? "no " + (unfinished ? "unfinished" : "failed") + " deliveries\n"
                    : report.format());
            out.flush();
            return 0;
        }
    }
}
