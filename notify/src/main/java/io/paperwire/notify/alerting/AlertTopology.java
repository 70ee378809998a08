package io.paperwire.notify.alerting;

import io.paperwire.schemas.streams.DeadLetterDeserializationHandler;
import io.paperwire.schemas.streams.DeadLetterProcessingHandler;
import io.paperwire.schemas.streams.DeadLetterWriter;

import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The notify Kafka Streams topology: {@code papers.enriched} → matched against every active subscription →
 * {@code alerts} (keyed by subscription id), exactly once per (subscription, paper); unreadable or unprocessable
 * records → {@code deadletters} (stage {@code notify}).
 *
 * <p>Subscriptions reach every instance through a global store over the compacted {@code subscriptions} topic
 * ({@value #SUBSCRIPTIONS_STORE}); its processor keeps one {@link PaperMatcher} per topology up to date, shared by
 * all stream threads (the matcher takes a read lock to match and a write lock to update, so threads match in
 * parallel, and one Lucene Monitor holds the queries once rather than once per thread), and the set of
 * subscriptions that want new-version alerts. What was alerted lives in the persistent, changelogged store
 * {@value #LEDGER_STORE}, one value per paper key listing the subscriptions alerted for it, in the task of the
 * paper's input partition, so a revised, re-enriched or replayed paper finds its entry (see {@link AlertProcessor}).
 * Alerts are written by the stream threads' producers with larger batches ({@link #streamsProperties}).
 */
public final class AlertTopology {

    /** The global store of subscriptions by id. */
    public static final String SUBSCRIPTIONS_STORE = "subscriptions-global";
    /**
     * The alert ledger, one {@link AlertedSubscriptions} per paper key; its changelog topic is
     * {@code <application.id>-alert-ledger-by-paper-changelog}.
     */
    public static final String LEDGER_STORE = "alert-ledger-by-paper";
    /**
     * The ledger of earlier releases, one {@link AlertLedgerEntry} per {@code subscriptionId|paperKey}: never written
     * any more, still read while it holds entries, so that an upgrade alerts nothing twice. Its changelog topic is
     * {@code <application.id>-alert-ledger-changelog}.
     */
    public static final String LEGACY_LEDGER_STORE = "alert-ledger";

    /** The stream producers' {@code batch.size} unless configured: 256 KiB. */
    public static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private AlertTopology() {
    }

    /** The topology with a new {@link PaperMatcher} of default settings. No I/O. */
    public static Topology buildTopology(NotifyConfig config, PaperwireTopics topics) {
        return buildTopology(config, topics, PaperMatcher.create());
    }

    /**
     * The topology matching with {@code matcher}, which it keeps up to date from the subscriptions topic; the caller
     * closes the matcher after the Streams app. No I/O.
     */
    public static Topology buildTopology(NotifyConfig config, PaperwireTopics topics, PaperMatcher matcher) {
        NewVersionSubscribers newVersionSubscribers = new NewVersionSubscribers();
        StreamsBuilder builder = new StreamsBuilder();
        StoreBuilder<KeyValueStore<String, Subscription>> subscriptionsStore = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(SUBSCRIPTIONS_STORE), topics.subscriptions().keySerde(),
                topics.subscriptions().valueSerde()).withLoggingDisabled();
        builder.addGlobalStore(subscriptionsStore, topics.subscriptions().name(),
                Consumed.with(topics.subscriptions().keySerde(), topics.subscriptions().valueSerde())
                        .withName("subscriptions-source"),
                () -> new SubscriptionCatalogProcessor(SUBSCRIPTIONS_STORE, matcher, newVersionSubscribers));

        builder.stream(topics.enriched().name(),
                        Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                                .withName("papers-enriched-source"))
                .process(alertProcessor(matcher, newVersionSubscribers), Named.as("match-and-alert"))
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("alerts-sink"));
        return builder.build();
    }

    /**
     * The Kafka Streams properties: {@link NotifyConfig#streamsProperties} (exactly-once v2) plus the dead-letter
     * handlers and the {@link DeadLetterWriter} they use (writing to {@code topics.deadLetters()}), and, unless
     * configured otherwise, producer batches of {@value #PRODUCER_BATCH_BYTES} bytes: a paper makes hundreds of
     * alerts at once, and the default 16 KiB batches cost the producer and the broker a request part per few dozen.
     */
    public static Properties streamsProperties(NotifyConfig config, PaperwireTopics topics, Clock clock) {
        DeadLetterWriter deadLetters = new DeadLetterWriter("notify", topics.deadLetters(),
                config.deadLetterMaxValueBytes(), clock);
        Properties props = config.streamsProperties(Map.of(
                DeadLetterWriter.CONFIG_KEY, deadLetters,
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName(),
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName()));
        if (!props.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        }
        return props;
    }

    private static ProcessorSupplier<String, EnrichedPaper, String, Alert> alertProcessor(
            PaperMatcher matcher, NewVersionSubscribers newVersionSubscribers) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, EnrichedPaper, String, Alert> get() {
                return new AlertProcessor(matcher, newVersionSubscribers, LEDGER_STORE, LEGACY_LEDGER_STORE);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE),
                                Serdes.String(), AlertedSubscriptions.SERDE),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEGACY_LEDGER_STORE),
                                Serdes.String(), AlertLedgerEntry.SERDE));
            }
        };
    }
}
