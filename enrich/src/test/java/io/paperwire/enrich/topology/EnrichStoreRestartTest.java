package io.paperwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.PaperEnricher;
import io.paperwire.enrich.PaperText;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.store.SignalHistory;
import io.paperwire.enrich.store.SignalHistorySerde;
import io.paperwire.enrich.store.StoreDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.SignalKind;
import io.paperwire.schemas.TrendingScore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart of the enrich stores: the persistent (RocksDB) stores are closed, which flushes them to their files,
 * and opened again from the same state directory, with new processors and a new enricher whose caches start
 * empty. The document frequencies and the signal histories must come back from the files, so that scoring goes on
 * as if nothing had stopped.
 *
 * <p>Not through {@code TopologyTestDriver}: in Kafka Streams 4.3 its {@code close()} deletes the task directories
 * of its state directory, it does not flush RocksDB between commits (a copy taken while it runs holds no data),
 * and it cannot restore stores from their changelogs (it has no restore consumer). The stores here are the
 * topology's own RocksDB stores by name, opened through {@link MockProcessorContext} on a real state directory,
 * without the record cache and the changelog, which need a running task.
 * The restore from the changelogs after a crash, under exactly-once, is shown on the embedded broker by
 * {@code EnrichExactlyOnceTest}.
 */
class EnrichStoreRestartTest {

    private static final Instant NOW = Instant.parse("2024-11-28T12:00:00Z");
    private static final String PAPER_KEY = "arxiv:2411.00010";

    private static EnricherResources resources;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void loadResources() {
        resources = EnricherResources.load(Optional.empty());
    }

    @Test
    void shouldScoreLaterPapersOverTheDocumentFrequenciesCountedBeforeTheRestart() {
        List<PaperText> papers = List.of(
                new PaperText("arxiv:2411.00010", "Sparse mixture-of-experts language models",
                        "We train sparse mixture-of-experts (MoE) language models whose router sends each token to "
                                + "two experts. Load balancing losses keep the experts busy.", List.of("cs.CL")),
                new PaperText("arxiv:2411.00011", "Statistical mechanics of structural glasses",
                        "We study the statistical mechanics of structural glasses with replica methods and compute "
                                + "the configurational entropy near the glass transition.",
                        List.of("cond-mat.stat-mech")),
                new PaperText("arxiv:2411.00012", "Expert routing for sparse language models",
                        "Routers of sparse mixture-of-experts language models decide which experts see a token. "
                                + "We compare token-choice and expert-choice routing on language modelling.",
                        List.of("cs.CL")));
        PaperEnricher reference = new PaperEnricher(resources, new InMemoryDocumentFrequencies(),
                resources.newSubjectClassifier(), "");
        List<PaperEnricher.Result> expected = papers.stream().map(p -> reference.enrich(p, true, false)).toList();

        KeyValueStore<String, Long> before = openStore(documentFrequencyStore());
        PaperEnricher first = enricher(before);
        assertThat(first.enrich(papers.get(0), true, false)).isEqualTo(expected.get(0));
        assertThat(first.enrich(papers.get(1), true, false)).isEqualTo(expected.get(1));
        long expertCount = before.get("expert");
        before.close();

        KeyValueStore<String, Long> after = openStore(documentFrequencyStore());
        assertThat(after.get(StoreDocumentFrequencies.DOC_COUNT_KEY)).isEqualTo(2L);
        assertThat(after.get("expert")).isEqualTo(expertCount).isEqualTo(1L);
        PaperEnricher second = enricher(after);
        assertThat(second.enrich(papers.get(2), true, false)).isEqualTo(expected.get(2));
        assertThat(after.get(StoreDocumentFrequencies.DOC_COUNT_KEY)).isEqualTo(3L);
        assertThat(after.get("expert")).isEqualTo(2L);
        after.close();
    }

    @Test
    void shouldKeepSignalHistoriesSoThatTotalsAfterTheRestartCountOnlyTheirDifference() {
        Instant upvotedAt = NOW.minus(Duration.ofHours(3));
        MockProcessorContext<String, TrendingScore> firstContext = context();
        KeyValueStore<String, SignalHistory> before = openStore(signalStore(), firstContext);
        TrendingProcessor first = new TrendingProcessor(Duration.ofHours(1));
        first.init(firstContext);
        first.process(signal(10, upvotedAt));
        assertThat(firstContext.forwarded()).extracting(f -> f.record().value().getUpvotes()).containsExactly(10L);
        before.close();

        MockProcessorContext<String, TrendingScore> secondContext = context();
        KeyValueStore<String, SignalHistory> after = openStore(signalStore(), secondContext);
        TrendingProcessor second = new TrendingProcessor(Duration.ofHours(1));
        second.init(secondContext);
        second.process(signal(8, upvotedAt.minusSeconds(60)));
        assertThat(secondContext.forwarded()).as("an observation older than the last one is stale").isEmpty();
        Instant laterAt = NOW.minus(Duration.ofHours(1));
        second.process(signal(14, laterAt));
        TrendingScore score = secondContext.forwarded().get(0).record().value();
        assertThat(score.getUpvotes()).isEqualTo(14L);
        assertThat(score.getScore()).isCloseTo(10 * Math.pow(2, -3.0 / 6) + 4 * Math.pow(2, -1.0 / 6),
                org.assertj.core.data.Offset.offset(1e-9));
        after.close();
    }

    private static PaperEnricher enricher(KeyValueStore<String, Long> store) {
        return new PaperEnricher(resources, new StoreDocumentFrequencies(store),
                resources.newSubjectClassifier(), "");
    }

    private static StoreBuilder<KeyValueStore<String, Long>> documentFrequencyStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EnrichTopology.DOCUMENT_FREQUENCIES_STORE),
                Serdes.String(), Serdes.Long()).withLoggingDisabled();
    }

    private static StoreBuilder<KeyValueStore<String, SignalHistory>> signalStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EnrichTopology.TRENDING_SIGNALS_STORE),
                Serdes.String(), new SignalHistorySerde()).withLoggingDisabled();
    }

    private MockProcessorContext<String, TrendingScore> context() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-restart-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<String, TrendingScore> context = new MockProcessorContext<>(properties,
                new TaskId(0, 0), stateDir.toFile());
        context.setCurrentSystemTimeMs(NOW.toEpochMilli());
        return context;
    }

    private <V> KeyValueStore<String, V> openStore(StoreBuilder<KeyValueStore<String, V>> builder) {
        return openStore(builder, context());
    }

    private static <V> KeyValueStore<String, V> openStore(StoreBuilder<KeyValueStore<String, V>> builder,
                                                          MockProcessorContext<String, TrendingScore> context) {
        KeyValueStore<String, V> store = builder.build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static Record<String, EngagementSignal> signal(long count, Instant observedAt) {
        EngagementSignal signal = EngagementSignal.newBuilder().setPaperKey(PAPER_KEY).setKind(SignalKind.UPVOTE)
                .setCount(count).setObservedAt(observedAt).setSource("hf-daily").build();
        return new Record<>(PAPER_KEY, signal, NOW.toEpochMilli());
    }
}
