package io.paperwire.app.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.paperwire.app.platform.Platform;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSources;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.source.ArxivApiSource;
import io.paperwire.ingest.source.ArxivFeedSource;
import io.paperwire.ingest.source.ArxivOaiSource;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.ingest.source.HfDailySource;
import io.paperwire.ingest.source.PaperSource;
import io.paperwire.schemas.PaperwireTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperwire ingest SOURCE}: harvests one source once and publishes each new paper and revision to
 * {@code papers.published} (exactly once across restarts), or with {@code --dry-run} prints the parsed events as JSON
 * lines without a broker. Progress and the summary go to standard error; exit status 1 when a source failed.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Harvest papers from a source and publish each new paper and revision once.",
        subcommands = {IngestCommand.ArxivOai.class, IngestCommand.ArxivApi.class, IngestCommand.ArxivFeed.class,
            IngestCommand.HfDaily.class, IngestCommand.Files.class})
public final class IngestCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every source subcommand shares. */
    static final class SourceOptions {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--dry-run", description = "Print the parsed events as JSON lines; no broker is used.")
        boolean dryRun;

        @Option(names = "--contact", paramLabel = "EMAIL_OR_URL",
                description = "Contact named in the User-Agent, as arXiv asks (default: none).")
        String contact;

        @Option(names = "--min-interval", paramLabel = "SECONDS",
                description = "Minimum seconds between requests to one host (default: 3 for arXiv, 1 elsewhere).")
        Integer minIntervalSeconds;
    }

    private abstract static class SourceCommand implements Callable<Integer> {
        @Mixin
        SourceOptions options;

        abstract PaperSource source(IngestSources sources);

        @Override
        public Integer call() {
            HttpSettings http = HttpSettings.defaults();
            if (options.contact != null) {
                http = http.withContact(options.contact);
            }
            if (options.minIntervalSeconds != null) {
                http = http.withDefaultMinInterval(java.time.Duration.ofSeconds(options.minIntervalSeconds));
            }
            IngestSources sources = new IngestSources(PoliteHttpClient.create(http), ParserSettings.defaults(),
                    Clock.systemUTC());
            PaperSource source = source(sources);
            PrintStream err = System.err;
            IngestListener listener = IngestListener.printingTo(err);
            if (options.dryRun) {
                IngestOptions ingestOptions = IngestOptions.defaults("none").withHttp(http);
                try (IngestRuntime runtime = IngestRuntime.dryRun(ingestOptions, System.out, listener)) {
                    return runUntilDoneOrInterrupted(runtime, source);
                }
            }
            try (Platform platform = Platform.connectOrStart(options.platform.load())) {
                IngestTopics topics = IngestTopics.from(PaperwireTopics.fromConfig(platform.topicNames(),
                        platform.serdeConfig()));
                IngestOptions ingestOptions = IngestOptions.defaults(platform.bootstrapServers()).withHttp(http);
                try (IngestRuntime runtime = IngestRuntime.connect(ingestOptions, topics, listener)) {
                    return runUntilDoneOrInterrupted(runtime, source);
                }
            }
        }

        private static int runUntilDoneOrInterrupted(IngestRuntime runtime, PaperSource source) {
            CountDownLatch finished = new CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                runtime.requestStop();
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "paperwire-ingest-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                IngestSummary summary = runtime.run(List.of(source));
                return summary.succeeded() ? 0 : 1;
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already shutting down; the hook is running and will see the latch.
                }
            }
        }
    }

    @Command(name = "arxiv-oai", mixinStandardHelpOptions = true,
            description = "Harvest arXiv's OAI-PMH interface (ListRecords), incrementally by date, following resumption tokens.")
    static final class ArxivOai extends SourceCommand {
        @Option(names = "--set", paramLabel = "SET", description = "OAI set, e.g. cs or physics:astro-ph.")
        String set;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First datestamp to harvest.")
        LocalDate from;

        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last datestamp to harvest.")
        LocalDate until;

        @Option(names = "--metadata-prefix", defaultValue = "arXiv", description = "arXiv, arXivRaw or oai_dc (default: ${DEFAULT-VALUE}).")
        String metadataPrefix;

        @Option(names = "--base-url", description = "OAI-PMH endpoint (default: ${DEFAULT-VALUE}).")
        URI baseUrl = ArxivOaiSource.DEFAULT_BASE_URL;

        @Override
        PaperSource source(IngestSources sources) {
            return sources.arxivOai(new ArxivOaiSource.Settings(baseUrl, metadataPrefix, Optional.ofNullable(set),
                    Optional.ofNullable(from), Optional.ofNullable(until)));
        }
    }

    @Command(name = "arxiv-api", mixinStandardHelpOptions = true,
            description = "Query arXiv's search API (Atom), for backfills and ad-hoc queries.")
    static final class ArxivApi extends SourceCommand {
        @Option(names = "--query", paramLabel = "QUERY", description = "search_query, e.g. 'cat:cs.LG'.")
        String query;

        @Option(names = "--id", paramLabel = "ID", split = ",", description = "arXiv ids (id_list), comma-separated.")
        List<String> ids = List.of();

        @Option(names = "--max", defaultValue = "1000", description = "Most results to fetch (default: ${DEFAULT-VALUE}).")
        int max;

        @Option(names = "--page-size", defaultValue = "100", description = "Results per request (default: ${DEFAULT-VALUE}).")
        int pageSize;

        @Option(names = "--sort-by", defaultValue = "SUBMITTED_DATE",
                description = "SUBMITTED_DATE, LAST_UPDATED_DATE or RELEVANCE (default: ${DEFAULT-VALUE}).")
        ArxivApiSource.SortBy sortBy;

        @Option(names = "--base-url", description = "API endpoint (default: ${DEFAULT-VALUE}).")
        URI baseUrl = ArxivApiSource.DEFAULT_BASE_URL;

        @Override
        PaperSource source(IngestSources sources) {
            return sources.arxivApi(new ArxivApiSource.Settings(baseUrl, Optional.ofNullable(query), ids,
                    Math.min(pageSize, max), max, sortBy));
        }
    }

    @Command(name = "arxiv-feed", mixinStandardHelpOptions = true,
            description = "Read arXiv's daily announcement feed (new, cross-list, replace) for some archives.")
    static final class ArxivFeed extends SourceCommand {
        @Option(names = "--archives", required = true, paramLabel = "A+B", description = "Archives, e.g. cs.LG+stat.ML.")
        String archives;

        @Option(names = "--base-url", description = "Feed endpoint (default: ${DEFAULT-VALUE}).")
        URI baseUrl = ArxivFeedSource.DEFAULT_BASE_URL;

        @Override
        PaperSource source(IngestSources sources) {
            return sources.arxivFeed(new ArxivFeedSource.Settings(baseUrl, archives));
        }
    }

    @Command(name = "hf-daily", mixinStandardHelpOptions = true,
            description = "Read Hugging Face daily papers (papers by arXiv id, with upvotes and comments as signals).")
    static final class HfDaily extends SourceCommand {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day (default: today, UTC).")
        LocalDate date;

        @Option(names = "--base-url", description = "API endpoint (default: ${DEFAULT-VALUE}).")
        URI baseUrl = HfDailySource.DEFAULT_BASE_URL;

        @Override
        PaperSource source(IngestSources sources) {
            return sources.hfDaily(new HfDailySource.Settings(baseUrl, Optional.ofNullable(date), Optional.empty()));
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true,
            description = "Read files: arXiv snapshot JSON lines, or any saved OAI-PMH, API, feed or Hugging Face response.")
    static final class Files extends SourceCommand {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories.")
        List<Path> paths;

        @Option(names = "--watch", description = "Keep watching the directories for new files until Ctrl-C.")
        boolean watch;

        @Override
        PaperSource source(IngestSources sources) {
            return sources.files(FileSource.Settings.of(paths, watch));
        }
    }

}
