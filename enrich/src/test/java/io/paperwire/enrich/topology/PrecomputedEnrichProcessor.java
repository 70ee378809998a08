package io.paperwire.enrich.topology;

import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.PaperEnricher;
import io.paperwire.enrich.PaperText;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.keywords.KeywordExtractor;
import io.paperwire.enrich.keywords.SeededDocumentFrequencies;
import io.paperwire.enrich.store.ClassifierSnapshots;
import io.paperwire.enrich.store.StoreDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Cost harness only: the enrich step of the real topology with the enricher's computation replaced by a look-up of
 * results computed before the run. Everything around the computation stays: the paper is read (Avro), its
 * papers-seen flags are read and written, its distinct terms are counted in the document-frequency store (the
 * commit-buffered RocksDB store and its changelog), the classifier is snapshotted into its store on the same
 * schedule, the enriched event (the same keywords and tags) is built, joined with the trending table and written.
 * What it leaves out is the text analysis, keyword scoring (with its document-frequency reads), tagging,
 * classifier training and prediction. Its cost is therefore a floor under any enricher that keeps the topology's
 * stores and output: {@code EnrichStreamCostBenchmark}'s {@code floor} mode.
 */
public final class PrecomputedEnrichProcessor implements FixedKeyProcessor<String, Paper, EnrichedPaper> {

    /** What the enricher gave for one text, and the terms it counts for it. */
    public record Result(List<Keyword> keywords, List<Tag> tags, Set<String> terms, boolean trains) {
    }

    /** Results for a set of texts, and the classifier trained on all of them (snapshotted as the stream's would be). */
    public record Results(Map<String, Result> byTitle, SubjectClassifier classifier, String enricherVersion) {
    }

    private final EnrichConfig config;
    private final Results results;
    private FixedKeyProcessorContext<String, EnrichedPaper> context;
    private KeyValueStore<String, Integer> papersSeen;
    private StoreDocumentFrequencies frequencies;
    private ClassifierSnapshots snapshots;
    private boolean classifierChanged;

    private PrecomputedEnrichProcessor(EnrichConfig config, Results results) {
        this.config = config;
        this.results = results;
    }

    /** The real topology (stores, join, topics) with this processor as its enrich step. */
    public static Topology topology(EnrichConfig config, PaperwireTopics topics, Results results) {
        return EnrichTopology.buildTopologyWith(config, topics, () -> new PrecomputedEnrichProcessor(config, results));
    }

    /**
     * Enriches each paper once, in order, as one task would (counts seeded by the background table, the classifier
     * learning from papers with categories), and keeps each result by title.
     */
    public static Results precompute(EnricherResources resources, List<Paper> papers) {
        InMemoryDocumentFrequencies live = new InMemoryDocumentFrequencies();
        SubjectClassifier classifier = resources.newSubjectClassifier();
        PaperEnricher enricher = new PaperEnricher(resources, live, classifier, "");
        KeywordExtractor terms = new KeywordExtractor(new SeededDocumentFrequencies(resources.background(), live));
        Map<String, Result> byTitle = new HashMap<>();
        for (Paper paper : papers) {
            List<String> categories = paper.getCategories() == null ? List.of() : paper.getCategories();
            Set<String> counted = terms.termsToCount(paper.getTitle(), paper.getAbstractText());
            PaperEnricher.Result result = enricher.enrich(
                    new PaperText(paper.getKey(), paper.getTitle(), paper.getAbstractText(), categories), true, true);
            byTitle.putIfAbsent(paper.getTitle(), new Result(result.enrichment().avroKeywords(),
                    result.enrichment().avroTags(), counted, !categories.isEmpty()));
        }
        return new Results(byTitle, classifier, enricher.enricherVersion());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedPaper> context) {
        this.context = context;
        this.papersSeen = context.getStateStore(EnrichTopology.PAPERS_SEEN_STORE);
        this.frequencies = new StoreDocumentFrequencies(context.getStateStore(EnrichTopology.DOCUMENT_FREQUENCIES_STORE));
        this.snapshots = new ClassifierSnapshots(context.getStateStore(EnrichTopology.CLASSIFIER_STORE));
        context.schedule(config.classifierSnapshotInterval(), PunctuationType.WALL_CLOCK_TIME, now -> snapshot());
    }

    @Override
    public void process(FixedKeyRecord<String, Paper> record) {
        Paper paper = record.value();
        Result result = results.byTitle().get(paper.getTitle());
        if (result == null) {
            throw new IllegalArgumentException("no precomputed result for " + paper.getKey());
        }
        String id = paper.getKey();
        Integer flags = papersSeen.get(id);
        int seen = flags == null ? 0 : flags;
        int updated = seen | EnrichProcessor.COUNTED;
        if ((seen & EnrichProcessor.COUNTED) == 0) {
            frequencies.observe(result.terms());
        }
        if ((seen & EnrichProcessor.TRAINED) == 0 && result.trains()) {
            updated |= EnrichProcessor.TRAINED;
            classifierChanged = true;
        }
        if (updated != seen) {
            papersSeen.put(id, updated);
        }
        context.forward(record.withValue(EnrichProcessor.enriched(paper, result.keywords(), result.tags(),
                results.enricherVersion(), context.currentSystemTimeMs())));
    }

    private void snapshot() {
        if (classifierChanged) {
            snapshots.save(results.classifier());
            classifierChanged = false;
        }
    }
}
