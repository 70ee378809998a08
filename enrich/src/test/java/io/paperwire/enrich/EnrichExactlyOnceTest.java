package io.paperwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.enrich.store.StoreDocumentFrequencies;
import io.paperwire.enrich.topology.EnrichTopology;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once on a real broker and the real registry: the enrich app runs in a child JVM and is killed with
 * SIGKILL in the middle of its work, which is as unclean as a crash gets (no close, no commit, no abort of the
 * open transaction, no checkpoint file; the broker only learns of it when the restarted producer with the same
 * transactional id fences the old one). A second instance with the same application id and state directory
 * finishes the work; a {@code read_committed} consumer then sees exactly one enriched event per input event.
 */
class EnrichExactlyOnceTest {

    private static final int PARTITIONS = 2;
    /**
     * Enough papers that enriching them spans several of the child's commits (~0.3 ms each once warm, more while
     * the JIT warms up), so the kill after the first commit lands in the middle of the batch.
     */
    private static final int FIRST_BATCH = 1000;
    /** The child's commit interval: short, so that the first commit comes early in the batch. */
    private static final Duration CHILD_COMMIT_INTERVAL = Duration.ofMillis(500);
    private static final int SECOND_BATCH = 20;
    private static final int NEW_VERSIONS = 20;

    @TempDir
    Path dir;

    @Test
    void shouldWriteExactlyOneEnrichedEventPerInputEventAcrossACrash() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"));
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0))) {
            PaperwireTopics topics = PaperwireTopics.fromConfig(Map.of("schema.registry.url",
                    registry.url().toString()));
            kafka.createTopics(List.of(
                    new NewTopic(topics.published().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.signals().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.enriched().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.trending().name(), PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(topics.deadLetters().name(), 1, (short) 1)));
            Path stateDir = dir.resolve("state");
            String appId = "enrich-eos-test";

            List<Paper> firstBatch = new ArrayList<>();
            for (int i = 0; i < FIRST_BATCH; i++) {
                firstBatch.add(GeneratedPapers.paper(i, 1));
            }
            produce(kafka, topics.published(), firstBatch);
            long garbageOffset = produceGarbage(kafka, topics.published().name());

            Process child = startChild(kafka, registry, stateDir, appId);
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> readCommitted(kafka, topics.enriched()).size() >= 1);
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            int committedAtCrash = readCommitted(kafka, topics.enriched()).size();
            System.out.printf("crash: %d of %d enriched events committed, %d written in all%n", committedAtCrash, FIRST_BATCH,
                    readAll(kafka, topics.enriched(), "read_uncommitted").size());

            assertThat(committedAtCrash).as("the crash must come in the middle of the first batch")
                    .isLessThan(FIRST_BATCH);

            List<Paper> secondBatch = new ArrayList<>();
            for (int i = FIRST_BATCH; i < FIRST_BATCH + SECOND_BATCH; i++) {
                secondBatch.add(GeneratedPapers.paper(i, 1));
            }
            for (int i = 0; i < NEW_VERSIONS; i++) {
                secondBatch.add(GeneratedPapers.paper(i, 2));
            }
            produce(kafka, topics.published(), secondBatch);
            List<Paper> all = new ArrayList<>(firstBatch);
            all.addAll(secondBatch);

            EnrichConfig config = EnrichConfig.defaults()
                    .withServers(kafka.bootstrapServers(), registry.url().toString())
                    .withInstance(appId, stateDir)
                    .withStreamsOverrides(Map.of("replication.factor", "1", "consumer.session.timeout.ms", "6000",
                            "consumer.heartbeat.interval.ms", "1500"));
            try (EnrichService service = new EnrichService(config, topics)) {
                service.start();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> readCommitted(kafka, topics.enriched()).size() >= all.size());
                assertThat(totalDocumentCount(service.streams())).isEqualTo(FIRST_BATCH + SECOND_BATCH);
                assertThat(service.failure()).isEmpty();
                assertThat(service.close(Duration.ofSeconds(60))).isTrue();
            }

            List<ConsumerRecord<String, EnrichedPaper>> enriched = readCommitted(kafka, topics.enriched());
            Map<String, Long> eventsPerVersion = enriched.stream().collect(Collectors.groupingBy(
                    r -> r.key() + " v" + r.value().getPaper().getVersion(), Collectors.counting()));
            Map<String, Long> expected = all.stream().collect(Collectors.groupingBy(
                    p -> p.getKey() + " v" + p.getVersion(), Collectors.counting()));
            assertThat(expected.values()).containsOnly(1L);
            assertThat(eventsPerVersion).isEqualTo(expected);
            assertThat(enriched).hasSize(all.size());
            Map<String, Paper> inputs = all.stream().collect(Collectors.toMap(
                    p -> p.getKey() + " v" + p.getVersion(), Function.identity()));
            for (ConsumerRecord<String, EnrichedPaper> record : enriched) {
                Paper paper = record.value().getPaper();
                assertThat(paper).isEqualTo(inputs.get(record.key() + " v" + paper.getVersion()));
                assertThat(record.value().getKeywords()).isNotEmpty();
            }

            List<ConsumerRecord<String, DeadLetter>> letters = readCommitted(kafka, topics.deadLetters());
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).value().getOriginalTopic()).isEqualTo(topics.published().name());
            assertThat(letters.get(0).value().getOffset()).isEqualTo(garbageOffset);
        }
    }

    /** The document count summed over the partitions: each task counts the papers of its own partition. */
    private static long totalDocumentCount(KafkaStreams streams) {
        long total = 0;
        for (int partition = 0; partition < PARTITIONS; partition++) {
            ReadOnlyKeyValueStore<String, Long> store = streams.store(StoreQueryParameters
                    .fromNameAndType(EnrichTopology.DOCUMENT_FREQUENCIES_STORE,
                            QueryableStoreTypes.<String, Long>keyValueStore())
                    .withPartition(partition));
            Long count = store.get(StoreDocumentFrequencies.DOC_COUNT_KEY);
            total += count == null ? 0 : count;
        }
        return total;
    }

    private static Process startChild(EmbeddedKafka kafka, SchemaRegistryServer registry, Path stateDir,
                                      String appId) throws java.io.IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), EnrichChildProcess.class.getName(),
                kafka.bootstrapServers(), registry.url().toString(), stateDir.toString(), appId,
                CHILD_COMMIT_INTERVAL.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(stateDir.resolveSibling("child.log").toFile());
        return builder.start();
    }

    private static <V> void produce(EmbeddedKafka kafka, Topic<String, V> topic, List<? extends V> values)
            throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerProperties(kafka),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (V value : values) {
                producer.send(new ProducerRecord<>(topic.name(), ((Paper) value).getKey(), value)).get();
            }
        }
    }

    private static long produceGarbage(EmbeddedKafka kafka, String topic) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(kafka),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, 0, "arxiv:garbage".getBytes(StandardCharsets.UTF_8),
                    "not an Avro paper".getBytes(StandardCharsets.UTF_8))).get().offset();
        }
    }

    private static Properties producerProperties(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static <V> List<ConsumerRecord<String, V>> readCommitted(EmbeddedKafka kafka, Topic<String, V> topic) {
        return readAll(kafka, topic, "read_committed");
    }

    /** Every record of the topic up to its end (for read_committed: up to the last stable offset). */
    private static <V> List<ConsumerRecord<String, V>> readAll(EmbeddedKafka kafka, Topic<String, V> topic,
                                                               String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if ("read_committed".equals(isolation)
                        && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
            }
        }
        return records;
    }
}
