package io.paperwire.enrich.tags;

import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.TestPapers;
import io.paperwire.enrich.keywords.AnalyzedText;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.keywords.KeywordExtractor;
import io.paperwire.enrich.keywords.PlacedKeyword;
import io.paperwire.enrich.keywords.SeededDocumentFrequencies;
import io.paperwire.schemas.Paper;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time and heap allocated per paper by this package's stages as {@code PaperEnricher} runs them: topic tagging
 * from the shared analysis, the classifier's online training and its prediction, each on text analysed before the
 * timers start (so Lucene's analysis, which the keyword extractor shares, is not counted). Input: the snapshot
 * sample (JSON lines) and a number of rounds. Output, per round and best of all: CPU µs and allocated bytes of
 * the measuring thread per paper, plus the SHA-256 of the classifier's snapshot after training on all papers, so
 * two builds can be shown to save the same state. Prints figures, asserts nothing; run by hand from the worktree:
 * <pre>
 * mvn -q -B -o -pl enrich test-compile
 * java -cp enrich/target/test-classes:enrich/target/classes:$(cat /tmp/enrich.cp) \
 *     io.paperwire.enrich.tags.TaggingCostBenchmark ../shared/data/arxiv-metadata-oai-snapshot.sample1000.jsonl 6
 * </pre>
 */
public final class TaggingCostBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private TaggingCostBenchmark() {
    }

    /** CPU µs and allocated bytes per paper of one stage. */
    private record Cost(double micros, double bytes) {
        Cost best(Cost other) {
            return new Cost(Math.min(micros, other.micros), Math.min(bytes, other.bytes));
        }
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        List<Paper> papers = TestPapers.fromSnapshot(Path.of(args[0]), Integer.MAX_VALUE);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        EnricherResources resources = EnricherResources.load(Optional.empty());
        KeywordExtractor extractor = new KeywordExtractor(new SeededDocumentFrequencies(resources.background(),
                new InMemoryDocumentFrequencies()));
        List<AnalyzedText> texts = new ArrayList<>();
        List<List<PlacedKeyword>> placed = new ArrayList<>();
        for (Paper paper : papers) {
            AnalyzedText text = AnalyzedText.of(paper.getTitle(), paper.getAbstractText());
            texts.add(text);
            placed.add(extractor.extractPlaced(text));
        }
        Map<String, Cost> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            System.out.printf("round %d (%d papers)%n", round, papers.size());
            Map<String, Cost> costs = measure(resources, papers, texts, placed, round == 0);
            costs.forEach((what, cost) -> {
                print(what, cost);
                best.merge(what, cost, Cost::best);
            });
        }
        System.out.println("best of " + rounds + " rounds (the first ones warm up)");
        best.forEach(TaggingCostBenchmark::print);
    }

    private static void print(String what, Cost cost) {
        System.out.printf("  %-40s %9.1f µs/paper %10.0f B/paper%n", what, cost.micros(), cost.bytes());
    }

    private static Map<String, Cost> measure(EnricherResources resources, List<Paper> papers,
                                             List<AnalyzedText> texts, List<List<PlacedKeyword>> placed,
                                             boolean printSnapshotDigest) throws NoSuchAlgorithmException {
        int n = papers.size();
        Map<String, Cost> costs = new LinkedHashMap<>();
        TopicTagger tagger = resources.topicTagger();
        long[] start = now();
        for (int i = 0; i < n; i++) {
            tagger.tag(texts.get(i), placed.get(i), papers.get(i).getCategories());
        }
        costs.put("topic tags (shared analysis)", since(start, n));

        SubjectClassifier classifier = resources.newSubjectClassifier();
        start = now();
        for (int i = 0; i < n; i++) {
            classifier.train(texts.get(i), papers.get(i).getCategories());
        }
        costs.put("classifier train (analysed text)", since(start, n));

        start = now();
        for (int i = 0; i < n; i++) {
            classifier.predict(texts.get(i));
        }
        costs.put("classifier predict (analysed text)", since(start, n));
        if (printSnapshotDigest) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(classifier.toBytes());
            System.out.println("  snapshot after training on all, SHA-256 " + HexFormat.of().formatHex(digest));
        }
        return costs;
    }

    private static long[] now() {
        return new long[] {THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes()};
    }

    private static Cost since(long[] start, int papers) {
        long[] end = now();
        return new Cost((end[0] - start[0]) / 1000.0 / papers, (end[1] - start[1]) / (double) papers);
    }
}
