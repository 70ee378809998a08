package io.paperwire.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.paperwire.enrich.tags.ArxivTaxonomy;
import io.paperwire.enrich.tags.SubjectEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperwire eval tags|keywords --dataset FILE}: measures the quality of enrich's extractors on a dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure enrichment quality on a labelled dataset.",
        subcommands = {EvalCommand.Tags.class, EvalKeywordsCommand.class})
public final class EvalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "tags", mixinStandardHelpOptions = true,
            description = {"Train the subject classifier online on the first part of a dataset and test it on the rest.",
                "Prints archive accuracy and category top-1 / top-3."})
    static final class Tags implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "FILE.jsonl",
                description = "arXiv snapshot lines, or {\"id\",\"title\",\"abstract\",\"categories\":[...]} lines.")
        Path dataset;

        @Option(names = "--train-fraction", defaultValue = "0.8", description = "Share of the file (in order) to train on (default: ${DEFAULT-VALUE}).")
        double trainFraction;

        @Option(names = "--no-prior", description = "Measure only the classifier without the shipped prior "
                + "(by default the stream's classifier, with the prior, is measured, then the same split without it).")
        boolean noPrior;

        @Override
        public Integer call() throws IOException {
            ArxivTaxonomy taxonomy = ArxivTaxonomy.load();
            SubjectEvaluation evaluation = noPrior
                    ? SubjectEvaluation.withoutPrior(taxonomy) : new SubjectEvaluation(taxonomy);
            evaluation.run(dataset, trainFraction, System.out);
            return 0;
        }
    }
}
