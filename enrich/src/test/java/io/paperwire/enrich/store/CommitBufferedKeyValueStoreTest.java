package io.paperwire.enrich.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitBufferedKeyValueStoreTest {

    private CommitBufferedKeyValueStore<String, Long> store;
    private KeyValueStore<String, Long> inner;

    @TempDir
    java.nio.file.Path stateDir;

    @BeforeEach
    void openStore() {
        store = (CommitBufferedKeyValueStore<String, Long>) new CommitBufferedStoreBuilder<>(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long())
                        .withLoggingDisabled()).build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        inner = store.wrapped();
    }

    @Test
    void shouldReadItsOwnWritesButWriteTheInnerStoreOnlyAtTheCommitHook() {
        store.put("graph", 1L);
        store.put("graph", 2L);
        store.put("kernel", 1L);

        assertThat(store.get("graph")).isEqualTo(2L);
        assertThat(inner.get("graph")).isNull();
        assertThat(store.bufferedKeys()).isEqualTo(2);

        store.flushCache();

        assertThat(inner.get("graph")).isEqualTo(2L);
        assertThat(inner.get("kernel")).isEqualTo(1L);
        assertThat(store.bufferedKeys()).isZero();
        assertThat(store.get("graph")).isEqualTo(2L);
    }

    @Test
    void shouldBufferDeletesAndPutIfAbsent() {
        inner.put("old", 7L);

        assertThat(store.delete("old")).isEqualTo(7L);
        assertThat(store.get("old")).isNull();
        assertThat(store.putIfAbsent("old", 1L)).isNull();
        assertThat(store.putIfAbsent("old", 5L)).isEqualTo(1L);
        store.putAll(List.of(KeyValue.pair("gone", 3L), KeyValue.pair("gone", null)));
        assertThat(inner.get("old")).isEqualTo(7L);

        store.commit(Map.of());

        assertThat(inner.get("old")).isEqualTo(1L);
        assertThat(inner.get("gone")).isNull();
    }

    @Test
    void shouldDropTheBufferWhenTheTaskThrowsItsUncommittedWorkAway() {
        inner.put("graph", 4L);
        store.put("graph", 5L);

        store.clearCache();
        store.flushCache();

        assertThat(store.get("graph")).isEqualTo(4L);
        assertThat(inner.get("graph")).isEqualTo(4L);
    }

    @Test
    void shouldRefuseScansThatWouldMissBufferedWrites() {
        assertThatThrownBy(() -> store.all()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("counts");
        assertThatThrownBy(() -> store.range("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * In a running topology the buffered counts reach the changelog (and so the transaction) at each commit, with
     * one record per key and commit however often the key was written. The driver commits after every input
     * record, through the same {@code StreamTask} commit path a stream thread uses.
     */
    @Test
    void shouldWriteEachCommitsFinalCountsToTheChangelogInThatCommit() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(new CommitBufferedStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("word-counts"), Serdes.String(), Serdes.Long()))
                .withCachingDisabled());
        builder.stream("words", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(WordCounter::new, "word-counts")
                .to("counted", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "buffered");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> words = driver.createInputTopic("words",
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> counted = driver.createOutputTopic("counted",
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<String, Long> changelog = driver.createOutputTopic("buffered-word-counts-changelog",
                    Serdes.String().deserializer(), Serdes.Long().deserializer());

            words.pipeInput("p1", "graph kernel graph graph");
            assertThat(counted.readValue()).isEqualTo("graph=3 kernel=1 graph=3 graph=3");
            assertThat(changelog.readKeyValuesToMap()).isEqualTo(Map.of("graph", 3L, "kernel", 1L));

            words.pipeInput("p2", "kernel");
            assertThat(counted.readValue()).isEqualTo("kernel=2");
            assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("kernel", 2L));
            KeyValueStore<String, Long> counts = driver.getKeyValueStore("word-counts");
            assertThat(counts.get("graph")).isEqualTo(3L);
        }
    }

    /** Counts each word of a value, reading back its own counts; writes "word=count" for each word. */
    private static final class WordCounter implements FixedKeyProcessor<String, String, String> {
        private FixedKeyProcessorContext<String, String> context;
        private KeyValueStore<String, Long> counts;

        @Override
        public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
            this.counts = context.getStateStore("word-counts");
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            StringBuilder out = new StringBuilder();
            String[] words = record.value().split(" ");
            for (String word : words) {
                Long count = counts.get(word);
                counts.put(word, count == null ? 1 : count + 1);
            }
            for (String word : words) {
                out.append(out.isEmpty() ? "" : " ").append(word).append('=').append(counts.get(word));
            }
            context.forward(record.withValue(out.toString()));
        }
    }
}
