package io.paperwire.enrich.topology;

import io.paperwire.schemas.streams.DeadLetterDeserializationHandler;
import io.paperwire.schemas.streams.DeadLetterProcessingHandler;
import io.paperwire.schemas.streams.DeadLetterWriter;

import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.store.CommitBufferedStoreBuilder;
import io.paperwire.enrich.store.SignalHistorySerde;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.TrendingScore;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology. Inputs: {@code papers.published} ({@code Paper}) and {@code papers.signals}
 * ({@code EngagementSignal}), both keyed by paper key and co-partitioned (the join checks it). Outputs:
 * {@code papers.enriched} ({@code EnrichedPaper}, same key, one per input event) and the {@code papers.trending}
 * table ({@code TrendingScore} over 24 h, keyed by paper key). Records that cannot be read or processed go to
 * {@code deadletters} through the handlers {@link #streamsProperties} installs.
 *
 * <pre>
 *   papers.signals ──► trending (store enrich-trending-signals) ──► papers.trending
 *                                                   └──► table enrich-trending-scores ─┐
 *   papers.published ──► enrich (stores enrich-document-frequencies,                    │
 *                                enrich-papers-seen, enrich-subject-classifier) ──► left join ──► papers.enriched
 * </pre>
 */
public final class EnrichTopology {

    /** Term → document count of the papers this task has seen, plus the document count. */
    public static final String DOCUMENT_FREQUENCIES_STORE = "enrich-document-frequencies";
    /** Paper key → what was learnt from it (counted, trained), so a new version is not counted twice. */
    public static final String PAPERS_SEEN_STORE = "enrich-papers-seen";
    /** Chunked snapshots of the task's subject classifier. */
    public static final String CLASSIFIER_STORE = "enrich-subject-classifier";
    /** Paper key → the engagement observations its trending score depends on. */
    public static final String TRENDING_SIGNALS_STORE = "enrich-trending-signals";
    /** Paper key → current 24-hour trending score, the table joined into enriched papers. */
    public static final String TRENDING_SCORES_STORE = "enrich-trending-scores";
    static final String PUBLISHED_SOURCE = "papers-published-source";

    private EnrichTopology() {
    }

    /** The topology with the shipped data (and the configured topic taxonomy), loaded when the first task starts. */
    public static Topology buildTopology(EnrichConfig config, PaperwireTopics topics) {
        return buildTopology(config, topics, EnricherResources.lazy(config.topicTaxonomy(), config.classifierPriorWeight()));
    }

    /**
     * The topology; does no I/O. {@code resources} is called once per task when it starts.
     */
    public static Topology buildTopology(EnrichConfig config, PaperwireTopics topics,
                                         Supplier<EnricherResources> resources) {
        return buildTopologyWith(config, topics, () -> new EnrichProcessor(config, resources));
    }

    /**
     * The topology with another processor in the enrich step (same stores, join and topics); for the cost harness
     * that measures what the topology costs around the enricher.
     */
    static Topology buildTopologyWith(EnrichConfig config, PaperwireTopics topics,
                                      Supplier<FixedKeyProcessor<String, io.paperwire.schemas.Paper, EnrichedPaper>>
                                              processors) {
        StreamsBuilder builder = new StreamsBuilder();

        builder.stream(topics.signals().name(),
                        Consumed.with(topics.signals().keySerde(), topics.signals().valueSerde())
                                .withName("papers-signals-source"))
                .process(trendingProcessor(config), Named.as("trending"))
                .to(topics.trending().name(), Produced.with(topics.trending().keySerde(),
                        topics.trending().valueSerde()).withName("papers-trending-sink"));
        // The table is read back from papers.trending rather than built with toTable(): process() may change
        // keys, so toTable() would add a repartition topic; reading the topic also makes the join check that
        // papers.published and papers.trending are co-partitioned.
        KTable<String, TrendingScore> trendingTable = builder.table(topics.trending().name(),
                Consumed.with(topics.trending().keySerde(), topics.trending().valueSerde())
                        .withName("papers-trending-source"),
                Materialized.<String, TrendingScore, KeyValueStore<Bytes, byte[]>>as(TRENDING_SCORES_STORE)
                        .withKeySerde(topics.trending().keySerde())
                        .withValueSerde(topics.trending().valueSerde()));

        builder.stream(topics.published().name(),
                        Consumed.with(topics.published().keySerde(), topics.published().valueSerde())
                                .withName(PUBLISHED_SOURCE))
                .processValues(enrichProcessor(processors), Named.as("enrich"))
                .leftJoin(trendingTable, EnrichTopology::withTrendingScore,
                        Joined.<String, EnrichedPaper, TrendingScore>with(topics.enriched().keySerde(),
                                topics.enriched().valueSerde(), topics.trending().valueSerde())
                                .withName("join-trending"))
                .to(topics.enriched().name(),
                        Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                                .withName("papers-enriched-sink"));
        return builder.build();
    }

    /**
     * The Kafka Streams properties to run the topology with: {@link EnrichConfig#streamsProperties}, plus the
     * dead-letter handlers and the {@link DeadLetterWriter} they use (writing to {@code topics.deadLetters()}).
     */
    public static Properties streamsProperties(EnrichConfig config, PaperwireTopics topics, Clock clock) {
        DeadLetterWriter deadLetters = new DeadLetterWriter("enrich", topics.deadLetters(),
                config.deadLetterMaxValueBytes(), clock);
        return config.streamsProperties(Map.of(
                DeadLetterWriter.CONFIG_KEY, deadLetters,
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName()));
    }

    private static EnrichedPaper withTrendingScore(EnrichedPaper enriched, TrendingScore score) {
        if (score == null) {
            return enriched;
        }
        return EnrichedPaper.newBuilder(enriched).setTrendingScore(score.getScore()).build();
    }

    private static FixedKeyProcessorSupplier<String, io.paperwire.schemas.Paper, EnrichedPaper> enrichProcessor(
            Supplier<FixedKeyProcessor<String, io.paperwire.schemas.Paper, EnrichedPaper>> processors) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, io.paperwire.schemas.Paper, EnrichedPaper> get() {
                return processors.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        documentFrequencyStore(),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PAPERS_SEEN_STORE),
                                Serdes.String(), Serdes.Integer()).withCachingEnabled(),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLASSIFIER_STORE),
                                Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
            }
        };
    }

    /**
     * The document-frequency store: RocksDB and changelog under a {@link CommitBufferedStoreBuilder} layer that
     * keeps a task's counts in memory and writes each changed count once per commit, in the commit's transaction.
     * A new paper changes ~70–100 counts; without the buffer each was a trip through the metered and caching
     * layers. Kafka Streams' record cache is disabled here because the buffer already folds repeated writes of a
     * key into one (docs/enrich.md, "Where the time goes in the stream").
     */
    static StoreBuilder<KeyValueStore<String, Long>> documentFrequencyStore() {
        return new CommitBufferedStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DOCUMENT_FREQUENCIES_STORE), Serdes.String(), Serdes.Long()))
                .withCachingDisabled();
    }

    private static ProcessorSupplier<String, io.paperwire.schemas.EngagementSignal, String, TrendingScore>
            trendingProcessor(EnrichConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, io.paperwire.schemas.EngagementSignal, String, TrendingScore> get() {
                return new TrendingProcessor(config.trendingRefreshInterval());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRENDING_SIGNALS_STORE),
                        Serdes.String(), new SignalHistorySerde()).withCachingEnabled());
            }
        };
    }
}
