package io.paperwire.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.paperwire.enrich.keywords.KeywordEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paperwire eval keywords --dataset FILE.jsonl}: precision, recall and F1 at 5 and 10 of enrich's keyphrase
 * extractor against gold keyphrases (exact match after Porter stemming, averaged over documents).
 */
@Command(name = "keywords", mixinStandardHelpOptions = true,
        description = {"Score the keyphrase extractor on {\"id\",\"title\",\"abstract\",\"keyphrases\":[...]} lines.",
            "Prints P@k R@k F1@k for k = 5 and 10, and where document frequencies came from."})
public final class EvalKeywordsCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "FILE.jsonl", description = "The labelled dataset.")
    Path dataset;

    @Override
    public Integer call() throws IOException {
        System.out.print(new KeywordEvaluation().evaluateExtractor(dataset).format());
        System.out.flush();
        return 0;
    }
}
