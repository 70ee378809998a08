package io.paperwire.enrich;

import io.paperwire.enrich.keywords.AnalyzedText;
import io.paperwire.enrich.keywords.ExtractedKeyword;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.keywords.KeywordExtractor;
import io.paperwire.enrich.keywords.PlacedKeyword;
import io.paperwire.enrich.keywords.SeededDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.enrich.tags.TagMatch;
import io.paperwire.schemas.Paper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CPU time of enrichment goes, per paper and per component, measured on one thread over the papers of
 * the shared arXiv sample, in CPU time of the measuring thread. Prints figures, asserts nothing; run by hand:
 * <pre>
 * mvn -q -B -pl enrich test-compile
 * java -cp enrich/target/test-classes:enrich/target/classes:$(cat /tmp/enrich.cp) \
 *     io.paperwire.enrich.EnrichCostBenchmark /work/shared/data/arxiv-metadata-oai-snapshot.sample1000.jsonl \
 *     [rounds] [dump-file]
 * </pre>
 * Heap allocated per paper by the measuring thread is reported for the keyword stages and one enrich line
 * ({@code getCurrentThreadAllocatedBytes}), since allocation drives the stream's GC cost.
 * Classifiers are built from the prior before the timed loops (once per stream task, not per paper); that
 * construction is reported on its own, in ms per classifier.
 * With a dump file it also writes, for one fresh enricher over the papers (every fourth paper stripped of its
 * categories, so the classifier predicts), every keyword and tag with full-precision scores: diff two dumps to
 * show that a change leaves the output alone.
 */
public final class EnrichCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The same bean, for the bytes this thread allocates (HotSpot's extension of the standard one). */
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EnrichCostBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path snapshot = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Paper> papers = TestPapers.fromSnapshot(snapshot, Integer.MAX_VALUE);
        List<PaperText> texts = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            Paper paper = papers.get(i);
            texts.add(new PaperText(paper.getKey(), paper.getTitle(), paper.getAbstractText(),
                    i % 4 == 3 ? List.of() : paper.getCategories()));
        }
        EnricherResources resources = EnricherResources.load(Optional.empty());
        if (args.length > 2) {
            dump(resources, texts, Path.of(args[2]));
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            System.out.printf("round %d (%d papers)%n", round, papers.size());
            measure(resources, papers, texts).forEach((what, micros) -> {
                System.out.printf("  %-44s %9.1f%s%n", what, micros, unit(what));
                best.merge(what, micros, Math::min);
            });
        }
        System.out.println("best of " + rounds + " rounds (the first ones warm up)");
        best.forEach((what, micros) -> System.out.printf("  %-44s %9.1f%s%n", what, micros, unit(what)));
    }

    private static Map<String, Double> measure(EnricherResources resources, List<Paper> papers, List<PaperText> texts) {
        SeededDocumentFrequencies frequencies = new SeededDocumentFrequencies(resources.background(),
                new InMemoryDocumentFrequencies());
        KeywordExtractor extractor = new KeywordExtractor(frequencies);
        int n = papers.size();
        List<List<String>> phrases = new ArrayList<>();
        // Untimed: the shared analysis and the placed keyphrases that the topic tagger reads inside enrich.
        List<AnalyzedText> analysed = new ArrayList<>();
        List<List<PlacedKeyword>> placed = new ArrayList<>();
        for (Paper paper : papers) {
            AnalyzedText text = AnalyzedText.of(paper.getTitle(), paper.getAbstractText());
            analysed.add(text);
            placed.add(extractor.extractPlaced(text));
        }

        long b0 = allocatedBytes();
        long t0 = cpuNanos();
        for (Paper paper : papers) {
            extractor.observe(paper.getTitle(), paper.getAbstractText());
        }
        long t1 = cpuNanos();
        long b1 = allocatedBytes();
        for (Paper paper : papers) {
            phrases.add(extractor.extract(paper.getTitle(), paper.getAbstractText()).stream()
                    .map(ExtractedKeyword::phrase).toList());
        }
        long t2 = cpuNanos();
        long b2 = allocatedBytes();
        // The same extraction on the shared analysis, as enrich runs it (no Lucene analysis).
        long t2a = cpuNanos();
        for (int i = 0; i < n; i++) {
            extractor.extractPlaced(analysed.get(i));
        }
        long t2b = cpuNanos();
        long b2b = allocatedBytes();
        long t2c = cpuNanos();
        for (Paper paper : papers) {
            resources.subjectTagger().tag(paper.getCategories());
        }
        long t3 = cpuNanos();
        for (int i = 0; i < n; i++) {
            Paper paper = papers.get(i);
            resources.topicTagger().tag(paper.getTitle(), paper.getAbstractText(), phrases.get(i),
                    paper.getCategories());
        }
        long t4 = cpuNanos();
        for (int i = 0; i < n; i++) {
            resources.topicTagger().tag(analysed.get(i), placed.get(i), papers.get(i).getCategories());
        }
        long t4b = cpuNanos();
        // Made outside the timed loops: building a classifier from the prior is done once per task, not per paper.
        SubjectClassifier classifier = resources.newSubjectClassifier();
        SubjectClassifier forPredicted = resources.newSubjectClassifier();
        SubjectClassifier forLabelled = resources.newSubjectClassifier();
        long t4c = cpuNanos();
        for (Paper paper : papers) {
            classifier.train(paper.getTitle(), paper.getAbstractText(), paper.getCategories());
        }
        long t5 = cpuNanos();
        int predicted = Math.min(n, 250);
        for (int i = 0; i < predicted; i++) {
            classifier.predict(papers.get(i).getTitle(), papers.get(i).getAbstractText());
        }
        long t6 = cpuNanos();
        PaperEnricher enricher = new PaperEnricher(resources, new InMemoryDocumentFrequencies(), forPredicted, "");
        for (PaperText text : texts) {
            enricher.enrich(text, true, true);
        }
        long t7 = cpuNanos();
        PaperEnricher allLabelled = new PaperEnricher(resources, new InMemoryDocumentFrequencies(), forLabelled, "");
        long b7 = allocatedBytes();
        for (Paper paper : papers) {
            allLabelled.enrich(new PaperText(paper.getKey(), paper.getTitle(), paper.getAbstractText(),
                    paper.getCategories()), true, true);
        }
        long t8 = cpuNanos();
        long b8 = allocatedBytes();
        Map<String, Double> micros = new LinkedHashMap<>();
        micros.put("keywords observe", perPaper(t1 - t0, n));
        micros.put("keywords extract", perPaper(t2 - t1, n));
        micros.put("keywords extract, shared analysis (as in enrich)", perPaper(t2b - t2a, n));
        micros.put("subject tags", perPaper(t3 - t2c, n));
        micros.put("topic tags", perPaper(t4 - t3, n));
        micros.put("topic tags, shared analysis (as in enrich)", perPaper(t4b - t4, n));
        micros.put("classifier from prior, ms each", (t4c - t4b) / 3 / 1e6);
        micros.put("classifier train", perPaper(t5 - t4c, n));
        micros.put("classifier predict (trained on all)", perPaper(t6 - t5, predicted));
        micros.put("PaperEnricher.enrich, all with categories", perPaper(t8 - t7, n));
        micros.put("PaperEnricher.enrich, 1 in 4 predicted", perPaper(t7 - t6, n));
        micros.put("keywords observe, KB allocated", kilobytesPerPaper(b1 - b0, n));
        micros.put("keywords extract, KB allocated", kilobytesPerPaper(b2 - b1, n));
        micros.put("keywords extract, shared analysis, KB allocated", kilobytesPerPaper(b2b - b2, n));
        micros.put("PaperEnricher.enrich, all with cat., KB allocated", kilobytesPerPaper(b8 - b7, n));
        return micros;
    }

    private static String unit(String what) {
        if (what.endsWith(", KB allocated")) {
            return " KB/paper";
        }
        return what.endsWith(", ms each") ? "" : " µs/paper";
    }

    /** CPU time of this thread: on a shared machine, wall-clock time would mostly measure the neighbours. */
    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Bytes of heap this thread has allocated so far (TLAB-accurate, cheap to read). */
    private static long allocatedBytes() {
        return ALLOCATIONS.getCurrentThreadAllocatedBytes();
    }

    private static double kilobytesPerPaper(long bytes, int papers) {
        return bytes / 1024.0 / papers;
    }

    private static double perPaper(long nanos, int papers) {
        return nanos / 1000.0 / papers;
    }

    private static void dump(EnricherResources resources, List<PaperText> texts, Path out) throws IOException {
        PaperEnricher enricher = new PaperEnricher(resources, new InMemoryDocumentFrequencies(),
                resources.newSubjectClassifier(), "");
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (PaperText text : texts) {
                PaperEnricher.Result result = enricher.enrich(text, true, true);
                writer.println(text.id() + " trained=" + result.trained());
                for (ExtractedKeyword keyword : result.enrichment().keywords()) {
                    writer.println("  kw " + keyword.phrase() + " | " + keyword.normalized() + " | " + keyword.score());
                }
                for (TagMatch tag : result.enrichment().tags()) {
                    writer.println("  tag " + tag);
                }
            }
        }
    }
}
