package io.paperwire.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paperwire.app.bench.BenchProgress;
import io.paperwire.app.bench.BenchReport;
import io.paperwire.app.bench.BenchRun;
import io.paperwire.app.bench.BenchSettings;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code paperwire bench}: measures ingest, enrich, notify and end to end against baselines on the same broker in the
 * same run (see {@code docs/benchmarks.md}). A progress line on standard error while it runs, a table on standard
 * output at the end, and with {@code --json} every figure in a file. Exit status 0 when the run's counts add up,
 * 1 when they do not (the goals never change the exit status: they are goals, not checks).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure every stage against a baseline on the same broker in the same run (docs/benchmarks.md).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--papers", paramLabel = "N", defaultValue = "20000",
            description = "Papers through ingest, the baselines, enrich and notify (default: ${DEFAULT-VALUE}).")
    int papers;

    @Option(names = "--end-to-end-papers", paramLabel = "N",
            description = "Papers ingested while enrich and notify run, for the end-to-end figure (default: as --papers).")
    Integer endToEndPapers;

    @Option(names = "--subscriptions", paramLabel = "M", defaultValue = "10000",
            description = "Generated subscriptions notify matches against (default: ${DEFAULT-VALUE}).")
    int subscriptions;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100",
            description = "Papers per second offered for the publish -> alert latency (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--latency-duration", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "How long papers are offered at --rate, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration latencyDuration;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Replicate the papers of this arXiv snapshot JSON Lines file (varied ids, versions and "
                    + "text) instead of generating papers.")
    Path corpus;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "7",
            description = "Seed of the papers and subscriptions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warm-up-limit", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "Longest untimed warm-up of enrich and of the matcher before each is measured: each runs "
                    + "until the JIT compiler is quiet or this long has passed, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration warmUpLimit;

    @Option(names = "--json", paramLabel = "OUT", description = "Write every figure, the machine and the goals as JSON to OUT.")
    Path json;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster (one dedicated to benchmarking) instead of a fresh embedded broker.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Use this schema registry instead of a fresh embedded one.")
    String schemaRegistryUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchSettings settings;
        try {
            settings = new BenchSettings(papers, endToEndPapers == null ? papers : endToEndPapers, subscriptions, rate,
                    latencyDuration, Optional.ofNullable(corpus), seed, warmUpLimit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (corpus != null && !Files.isRegularFile(corpus)) {
            throw new ParameterException(spec.commandLine(), "--corpus " + corpus + ": no such file");
        }
        if (json != null && json.toAbsolutePath().getParent() != null
                && !Files.isDirectory(json.toAbsolutePath().getParent())) {
            throw new ParameterException(spec.commandLine(), "--json " + json + ": no such directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchRun.Result result = BenchRun.run(settings, platformConfig(), new PrintedProgress(err));
        BenchReport report = result.report();
        out.print(report.table());
        out.flush();
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toJson());
            err.println("bench: figures written to " + json);
            err.flush();
        }
        return report.consistent() ? 0 : 1;
    }

    /** Defaults, the environment, then the cluster flags; the bench chooses its own ports and data directory. */
    private PaperwireConfig platformConfig() {
        Map<String, String> flags = new HashMap<>();
        if (bootstrapServers != null) {
            flags.put(Settings.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put(Settings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return PaperwireConfig.load(Optional.empty(), System.getenv(), flags);
    }

    /**
     * One line per phase and a progress line about once a second on standard error: rewritten in place on a
     * terminal, one line each otherwise (logs, pipes).
     */
    private static final class PrintedProgress implements BenchProgress {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private int lastLength;

        PrintedProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void phase(int index, int total, String name) {
            if (terminal && lastLength > 0) {
                err.println();
                lastLength = 0;
            }
            err.println(String.format(Locale.ROOT, "bench [%d/%d] %s", index, total, name));
            err.flush();
        }

        @Override
        public void update(String line) {
            String text = "bench   " + line;
            if (terminal) {
                err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
                lastLength = text.length();
            } else {
                err.println(text);
            }
            err.flush();
        }
    }
}
