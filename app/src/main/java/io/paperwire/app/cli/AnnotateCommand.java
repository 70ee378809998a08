package io.paperwire.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.paperwire.enrich.annotate.Annotator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperwire annotate IN.jsonl [-o OUT.jsonl]}: the stream's extractor and taggers over a file; each line
 * {@code {"id","title","abstract",...}} is written back with {@code keywords} and {@code tags} added. Lines that
 * cannot be read are reported on standard error with their line number; exit status 1 when there were any.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Add keywords and tags to each line of a JSON-lines file, with the same code as the stream.")
public final class AnnotateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IN.jsonl", description = "Lines {\"id\",\"title\",\"abstract\",\"keyphrases\"?,\"categories\"?}.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl", description = "Where to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Annotator annotator = Annotator.withShippedData();
        Annotator.Summary summary;
        try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
             Writer out = output == null
                     ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            summary = annotator.annotate(in, out);
            out.flush();
        }
        PrintWriter err = new PrintWriter(System.err, true);
        summary.errors().forEach(e -> err.println("annotate: " + input + ":" + e.line() + ": " + e.message()));
        err.printf("annotate: %d of %d lines annotated (enricher %s)%s%n", summary.annotated(), summary.lines(),
                summary.enricherVersion(), output == null ? "" : ", written to " + output);
        return summary.errors().isEmpty() ? 0 : 1;
    }
}
