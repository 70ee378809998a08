package io.paperwire.app;

import java.io.PrintWriter;

import io.paperwire.app.cli.AnnotateCommand;
import io.paperwire.app.cli.BenchCommand;
import io.paperwire.app.cli.DeliveriesCommand;
import io.paperwire.app.cli.DemoCommand;
import io.paperwire.app.cli.EvalCommand;
import io.paperwire.app.cli.FeedCommand;
import io.paperwire.app.cli.IngestCommand;
import io.paperwire.app.cli.ReplayCommand;
import io.paperwire.app.cli.RunCommand;
import io.paperwire.app.cli.UpCommand;
import io.paperwire.app.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code paperwire} command line: one entry point for the embedded platform and every service. Bad arguments
 * exit with status 2 and a one-line reason; a failure at run time exits with status 1 and a one-line reason.
 */
@Command(name = "paperwire", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "New research papers, the moment they appear: ingest, enrich and notify on Apache Kafka.",
        subcommands = {UpCommand.class, DemoCommand.class, IngestCommand.class, RunCommand.class, AnnotateCommand.class,
            EvalCommand.class, FeedCommand.class, ReplayCommand.class, DeliveriesCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit status (for tests: nothing calls {@code System.exit}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine failed = e.getCommandLine();
            String command = failed.getCommandSpec().qualifiedName(); // e.g. "paperwire replay enrich"
            err.println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, failed, parseResult) -> {
            String reason = e instanceof ConfigException ? "configuration: " + e.getMessage() : oneLine(e);
            err.println(failed.getCommandSpec().qualifiedName() + ": " + reason);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** {@code paperwire --version}: paperwire's version and the Kafka client version it was built with. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "paperwire " + (version == null ? "development build" : version),
                "Apache Kafka " + AppInfoParser.getVersion() + ", Java " + System.getProperty("java.version")
            };
        }
    }
}
