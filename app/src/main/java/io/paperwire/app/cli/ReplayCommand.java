package io.paperwire.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import io.paperwire.app.platform.Platform;
import io.paperwire.app.replay.ResetTarget;
import io.paperwire.app.replay.StreamsAppReset;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.enrich.EnrichConfig;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.schemas.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paperwire replay enrich|notify}: moves a Streams app's input offsets back so that, when it next starts, it
 * reprocesses history — refused while any instance of the app runs. Replaying enrich re-enriches (the enriched events
 * carry the enricher version that made them); replaying notify sends no alert twice, because its alert ledger is kept.
 * See docs/replay.md.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Make a stopped app reprocess its input from a point in time (see docs/replay.md).",
        subcommands = {ReplayCommand.Enrich.class, ReplayCommand.Notify.class})
public final class ReplayCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where to replay from: exactly one. */
    static final class Target {
        @Option(names = "--from", paramLabel = "TIME", converter = FeedCommand.InstantConverter.class,
                description = "Replay the records at or after TIME (e.g. 2026-11-01T00:00Z or 2026-11-01).")
        Instant from;

        @Option(names = "--earliest", description = "Replay everything still in the input topics.")
        boolean earliest;

        @Option(names = "--to-offset-file", paramLabel = "FILE",
                description = "Move to the offsets in FILE: lines 'topic,partition,offset'.")
        Path offsetFile;

        ResetTarget resolve() throws IOException {
            if (offsetFile != null) {
                return ResetTarget.Offsets.fromFile(offsetFile);
            }
            return earliest ? new ResetTarget.Earliest() : new ResetTarget.FromTime(from);
        }
    }

    private abstract static class ReplayApp implements Callable<Integer> {
        @Mixin
        PlatformOptions platformOptions;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--dry-run", description = "Print what would move; change nothing.")
        boolean dryRun;

        @Spec
        CommandSpec spec;

        abstract String applicationId(Platform platform);

        abstract Path stateDir(Platform platform);

        abstract List<String> inputTopics(TopicNames names);

        abstract boolean resetState();

        abstract String afterwards();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ResetTarget resetTarget = target.resolve();
            try (Platform platform = Platform.connectOrStart(platformOptions.load());
                 Admin admin = platform.admin()) {
                String applicationId = applicationId(platform);
                StreamsAppReset reset = new StreamsAppReset(admin, applicationId,
                        inputTopics(platform.topicNames()), Duration.ofSeconds(30));
                StreamsAppReset.Plan plan = reset.plan(resetTarget, resetState());
                List<MemberDescription> live = reset.liveMembers();
                out.printf("%s: replay from %s%n", applicationId, resetTarget.describe());
                for (StreamsAppReset.Move move : plan.moves()) {
                    out.printf("  %-28s %s -> %d  (log %d..%d, %s)%n", move.partition(),
                            move.committed().isPresent() ? Long.toString(move.committed().getAsLong()) : "none",
                            move.target(), move.logStart(), move.logEnd(), move.replayed() >= 0
                                    ? move.replayed() + " offset(s) again" : -move.replayed() + " offset(s) skipped");
                }
                if (plan.resetState()) {
                    out.printf("  state: delete local state %s and internal topics %s%n",
                            stateDir(platform).resolve(applicationId), plan.internalTopics());
                } else {
                    out.println("  state: kept");
                }
                if (dryRun) {
                    out.println(live.isEmpty() ? "dry run: nothing changed."
                            : "dry run: nothing changed; a replay now would be refused: "
                                    + reset.refused(live).getMessage());
                    return 0;
                }
                if (!live.isEmpty()) {
                    throw reset.refused(live);
                }
                reset.apply(plan, stateDir(platform));
                out.printf("%s: offsets moved (%d offset(s) to read again, transaction markers included). %s%n",
                        applicationId, plan.replayed(), afterwards());
                return 0;
            }
        }
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = {"Re-enrich papers.published (and recount papers.signals) when enrich next starts.",
                "Its state (document frequencies, classifier, papers seen) is kept unless --reset-state."})
    static final class Enrich extends ReplayApp {
        @Option(names = "--reset-state", description = "Also delete enrich's state, to rebuild it from the replayed "
                + "input (only with --earliest).")
        boolean resetState;

        @Override
        String applicationId(Platform platform) {
            return EnrichRunner.config(platform).applicationId();
        }

        @Override
        Path stateDir(Platform platform) {
            return EnrichRunner.config(platform).stateDir();
        }

        @Override
        List<String> inputTopics(TopicNames names) {
            return List.of(names.published(), names.signals());
        }

        @Override
        boolean resetState() {
            return resetState;
        }

        @Override
        String afterwards() {
            return "Start enrich (paperwire run enrich, or up) to re-enrich; set enrich.paperwire.enrich.version.suffix "
                    + "to tell the new events apart.";
        }
    }

    @Command(name = "notify", mixinStandardHelpOptions = true,
            description = {"Re-match papers.enriched when notify next starts.",
                "The alert ledger is always kept, so no subscription is alerted twice for a paper."})
    static final class Notify extends ReplayApp {
        @Override
        String applicationId(Platform platform) {
            return notifyConfig(platform).applicationId();
        }

        @Override
        Path stateDir(Platform platform) {
            return notifyConfig(platform).stateDir();
        }

        private static NotifyConfig notifyConfig(Platform platform) {
            return NotifyRunner.config(platform);
        }

        @Override
        List<String> inputTopics(TopicNames names) {
            return List.of(names.enriched());
        }

        @Override
        boolean resetState() {
            return false;
        }

        @Override
        String afterwards() {
            return "Start notify (paperwire run notify, or up): papers matched before alert no one again; "
                    + "subscriptions added since get their first alerts.";
        }
    }
}
