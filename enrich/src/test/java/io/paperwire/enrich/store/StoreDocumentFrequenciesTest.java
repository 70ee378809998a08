package io.paperwire.enrich.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreDocumentFrequenciesTest {

    private KeyValueStore<String, Long> store;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("df"), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void shouldWriteEveryCountToTheStoreAndReadTheSameThroughTheCache() {
        StoreDocumentFrequencies frequencies = new StoreDocumentFrequencies(store);

        frequencies.observe(Set.of("graph", "kernel"));
        frequencies.observe(Set.of("graph"));

        assertThat(frequencies.docCount()).isEqualTo(2);
        assertThat(frequencies.df("graph")).isEqualTo(2);
        assertThat(frequencies.df("kernel")).isEqualTo(1);
        assertThat(frequencies.df("absent")).isZero();
        assertThat(store.get(StoreDocumentFrequencies.DOC_COUNT_KEY)).isEqualTo(2L);
        assertThat(store.get("graph")).isEqualTo(2L);
        assertThat(store.get("kernel")).isEqualTo(1L);
        assertThat(store.get("absent")).isNull();
    }

    @Test
    void shouldContinueFromCountsAlreadyInTheStore() {
        store.put(StoreDocumentFrequencies.DOC_COUNT_KEY, 10L);
        store.put("graph", 4L);
        StoreDocumentFrequencies frequencies = new StoreDocumentFrequencies(store);

        frequencies.observe(Set.of("graph"));

        assertThat(frequencies.docCount()).isEqualTo(11);
        assertThat(frequencies.df("graph")).isEqualTo(5);
        assertThat(store.get("graph")).isEqualTo(5L);
    }

    @Test
    void shouldCountRightWhenTheCacheOverflowsOrIsOff() {
        StoreDocumentFrequencies tiny = new StoreDocumentFrequencies(store, 2);
        for (int paper = 0; paper < 3; paper++) {
            tiny.observe(Set.of("alpha", "beta", "gamma", "delta"));
        }
        assertThat(tiny.docCount()).isEqualTo(3);
        for (String term : Set.of("alpha", "beta", "gamma", "delta")) {
            assertThat(tiny.df(term)).isEqualTo(3);
            assertThat(store.get(term)).isEqualTo(3L);
        }

        StoreDocumentFrequencies uncached = new StoreDocumentFrequencies(store, 0);
        uncached.observe(Set.of("alpha"));
        assertThat(uncached.df("alpha")).isEqualTo(4);
        assertThat(store.get(StoreDocumentFrequencies.DOC_COUNT_KEY)).isEqualTo(4L);
    }

    @Test
    void shouldKeepEveryCountAsTheCacheGrows() {
        StoreDocumentFrequencies frequencies = new StoreDocumentFrequencies(store);
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < 1000; i++) {
            terms.add("term" + i);
        }

        frequencies.observe(terms);
        frequencies.observe(terms);

        assertThat(frequencies.docCount()).isEqualTo(2);
        for (String term : terms) {
            assertThat(frequencies.df(term)).as(term).isEqualTo(2);
            assertThat(store.get(term)).as(term).isEqualTo(2L);
        }
    }
}
