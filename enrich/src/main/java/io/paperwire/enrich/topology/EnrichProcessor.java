package io.paperwire.enrich.topology;

import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.PaperEnricher;
import io.paperwire.enrich.PaperText;
import io.paperwire.enrich.store.ClassifierSnapshots;
import io.paperwire.enrich.store.StoreDocumentFrequencies;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.Tag;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches each {@link Paper} of {@code papers.published} into an {@link EnrichedPaper} with the same key, through
 * {@link PaperEnricher}. A paper key seen for the first time is counted in the task's document frequencies; a paper
 * with categories trains the task's subject classifier once. The classifier is snapshotted into its store every
 * {@link EnrichConfig#classifierSnapshotInterval()} of wall-clock time when it has learnt something. The trending
 * score is filled in downstream by the join with the trending table.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, Paper, EnrichedPaper> {

    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);
    /** Flag in the papers-seen store: the paper's terms were counted. */
    static final int COUNTED = 1;
    /** Flag in the papers-seen store: the classifier learnt from the paper. */
    static final int TRAINED = 2;

    private final EnrichConfig config;
    private final Supplier<EnricherResources> resources;
    private FixedKeyProcessorContext<String, EnrichedPaper> context;
    private KeyValueStore<String, Integer> papersSeen;
    private ClassifierSnapshots snapshots;
    private PaperEnricher enricher;
    private boolean classifierChanged;

    EnrichProcessor(EnrichConfig config, Supplier<EnricherResources> resources) {
        this.config = config;
        this.resources = resources;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedPaper> context) {
        this.context = context;
        EnricherResources loaded = resources.get();
        this.papersSeen = context.getStateStore(EnrichTopology.PAPERS_SEEN_STORE);
        KeyValueStore<String, Long> frequencies = context.getStateStore(EnrichTopology.DOCUMENT_FREQUENCIES_STORE);
        this.snapshots = new ClassifierSnapshots(context.getStateStore(EnrichTopology.CLASSIFIER_STORE));
        this.enricher = new PaperEnricher(loaded, new StoreDocumentFrequencies(frequencies),
                snapshots.restore(loaded), config.enricherVersionSuffix());
        log.info("task {}: enricher {} ready, classifier learnt from {} papers", context.taskId(),
                enricher.enricherVersion(), enricher.classifier().trainedPapers());
        context.schedule(config.classifierSnapshotInterval(), PunctuationType.WALL_CLOCK_TIME, now -> snapshot());
    }

    @Override
    public void process(FixedKeyRecord<String, Paper> record) {
        Paper paper = record.value();
        if (paper == null) {
            log.warn("task {}: ignoring a tombstone for key {} on {}", context.taskId(), record.key(),
                    EnrichTopology.PUBLISHED_SOURCE);
            return;
        }
        String id = paper.getKey();
        Integer flags = papersSeen.get(id);
        int seen = flags == null ? 0 : flags;
        List<String> categories = paper.getCategories() == null ? List.of() : paper.getCategories();
        PaperText text = new PaperText(id, paper.getTitle(), paper.getAbstractText(), categories);
        PaperEnricher.Result result = enricher.enrich(text, (seen & COUNTED) == 0, (seen & TRAINED) == 0);
        int updated = seen | COUNTED | (result.trained() ? TRAINED : 0);
        if (updated != seen) {
            papersSeen.put(id, updated);
        }
        classifierChanged |= result.trained();
        context.forward(record.withValue(enriched(paper, result.enrichment().avroKeywords(),
                result.enrichment().avroTags(), enricher.enricherVersion(), context.currentSystemTimeMs())));
    }

    /** The enriched event as the processor writes it (before the join adds the trending score). */
    static EnrichedPaper enriched(Paper paper, List<Keyword> keywords, List<Tag> tags, String enricherVersion,
                                  long enrichedAtMillis) {
        return EnrichedPaper.newBuilder()
                .setPaper(paper)
                .setKeywords(keywords)
                .setTags(tags)
                .setTrendingScore(0.0)
                .setEnricherVersion(enricherVersion)
                .setEnrichedAt(Instant.ofEpochMilli(enrichedAtMillis))
                .build();
    }

    private void snapshot() {
        if (classifierChanged) {
            snapshots.save(enricher.classifier());
            classifierChanged = false;
            log.debug("task {}: classifier snapshot written ({} papers)", context.taskId(),
                    enricher.classifier().trainedPapers());
        }
    }
}
