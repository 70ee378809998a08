package io.paperwire.ingest.publish;

import io.paperwire.schemas.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.ingest.support.CrashingProducer;
import io.paperwire.ingest.support.ManualClock;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.serde.AvroSerdeConfig;
import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.IngestCheckpoint;
import io.paperwire.schemas.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill the ingest mid-harvest and restart it, on the embedded broker: every paper is published exactly once, read
 * back with a read_committed consumer; dead letters land with source and position. Values go through the real
 * registry and the project's Confluent-wire-format serdes.
 */
class ExactlyOnceIngestTest {

    private static final int PAPERS = 30;
    private static final int BAD_LINES = 2;

    @TempDir
    static Path tmp;
    static EmbeddedKafka kafka;
    static SchemaRegistryServer registry;
    static IngestTopics topics;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(tmp.resolve("broker"));
        kafka.createTopics(List.of(
                new NewTopic("papers.published", 3, (short) 1),
                new NewTopic("papers.signals", 1, (short) 1),
                new NewTopic("deadletters", 1, (short) 1),
                new NewTopic("ingest.checkpoints", 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))));
        registry = SchemaRegistryServer.start(RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0));
        topics = IngestTopics.from(PaperwireTopics.fromConfig(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString())));
    }

    @AfterAll
    static void stopBroker() {
        registry.close();
        kafka.close();
    }

    /** A snapshot file of made-up papers, with two broken lines among them. */
    private static Path snapshot(Path dir, String month) throws Exception {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= PAPERS; i++) {
            String id = String.format("%s.%05d", month, i);
            lines.add("{\"id\":\"" + id + "\",\"submitter\":\"Ada Example\",\"authors\":\"Ada Example and Bo Sample\","
                    + "\"title\":\"An invented result number " + i + "\",\"comments\":null,\"journal-ref\":null,"
                    + "\"doi\":null,\"report-no\":null,\"categories\":\"cs.LG stat.ML\",\"license\":null,"
                    + "\"abstract\":\"We made up result " + i + " for a test.\",\"versions\":[{\"version\":\"v1\","
                    + "\"created\":\"Mon, 2 Nov 2026 10:00:00 GMT\"}],\"update_date\":\"2026-11-02\","
                    + "\"authors_parsed\":[[\"Example\",\"Ada\",\"\"],[\"Sample\",\"Bo\",\"\"]]}");
            if (i == 7 || i == 23) {
                lines.add("{\"id\": \"2611.99999\", \"title\": broken json");
            }
        }
        Path file = dir.resolve("papers.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static Producer<byte[], byte[]> producer(String transactionalId) {
        return new KafkaProducer<>(IngestProducerConfig.producer(kafka.bootstrapServers(), transactionalId, Map.of()));
    }

    private static Consumer<byte[], byte[]> replayConsumer() {
        return new KafkaConsumer<>(IngestProducerConfig.replayConsumer(kafka.bootstrapServers(), Map.of()));
    }

    private static FileSource files(Path file) {
        return new FileSource(new FileSource.Settings(List.of(file), false, Duration.ofSeconds(1), 5,
                ParserSettings.defaults()));
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic, String isolation) {
        Map<String, Object> config = new HashMap<>(IngestProducerConfig.replayConsumer(kafka.bootstrapServers(),
                Map.of()));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicReplay.replay(consumer, new Topic<>(topic.name(), topic.keySerde(),
                    topic.valueSerde()), Duration.ofSeconds(30), (k, v) -> out.add(
                            new ConsumerRecord<>(topic.name(), 0, 0, k, v)));
        }
        return out;
    }

    private static List<ConsumerRecord<String, Paper>> published(String month) {
        return readAll(topics.published(), "read_committed").stream()
                .filter(r -> r.key().startsWith("arxiv:" + month + ".")).toList();
    }

    private static long uncommittedEnd(String topic) {
        Map<String, Object> config = new HashMap<>(IngestProducerConfig.replayConsumer(kafka.bootstrapServers(),
                Map.of()));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    void shouldPublishEveryPaperExactlyOnceAcrossACrashAndARestart() throws Exception {
        Path file = snapshot(tmp.resolve("in"), "2611");
        IngestOptions options = IngestOptions.defaults(kafka.bootstrapServers()).withTransactionalId("ingest-eos");
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));

        CrashingProducer dying = new CrashingProducer(producer("ingest-eos"), 3);
        try (Consumer<byte[], byte[]> replay = replayConsumer()) {
            IngestRuntime first = IngestRuntime.connect(options, topics, dying, replay, clock, clock.sleeper(),
                    IngestListener.silent());
            assertThatThrownBy(() -> first.run(List.of(files(file)))).isInstanceOf(CrashingProducer.Crash.class);
        }
        dying.close(Duration.ZERO);
        long committedBeforeRestart = published("2611").size();
        // two batches of five lines committed before the crash; line 8 of them is broken
        assertThat(committedBeforeRestart).isEqualTo(9);
        assertThat(uncommittedEnd("papers.published")).isGreaterThan(committedBeforeRestart);

        IngestSummary summary;
        try (Consumer<byte[], byte[]> replay = replayConsumer();
                IngestRuntime second = IngestRuntime.connect(options, topics, producer("ingest-eos"), replay, clock,
                        clock.sleeper(), IngestListener.silent())) {
            summary = second.run(List.of(files(file)));
        }
        assertThat(summary.succeeded()).isTrue();

        List<ConsumerRecord<String, Paper>> published = published("2611");
        assertThat(published).hasSize(PAPERS);
        assertThat(published.stream().map(ConsumerRecord::key).distinct()).hasSize(PAPERS);
        assertThat(published).allSatisfy(r -> assertThat(r.value().getKey()).isEqualTo(r.key()));

        List<ConsumerRecord<String, DeadLetter>> letters = readAll(topics.deadLetters(), "read_committed").stream()
                .filter(r -> r.value().getSource().contains(file.toString())).toList();
        assertThat(letters).hasSize(BAD_LINES);
        assertThat(letters).allSatisfy(r -> {
            assertThat(r.value().getStage()).isEqualTo("ingest");
            assertThat(r.value().getSource()).contains(file.toString());
            assertThat(r.value().getPosition()).contains("line");
            assertThat(r.value().getErrorMessage()).isNotBlank();
            assertThat(r.value().getValue().remaining()).isPositive();
        });

        List<ConsumerRecord<String, IngestCheckpoint>> checkpoints = readAll(topics.checkpoints(), "read_committed")
                .stream().filter(r -> r.key().equals(files(file).id())).toList();
        assertThat(checkpoints.get(checkpoints.size() - 1).value().getPosition())
                .containsEntry(file.toString(), Long.toString(Files.size(file)));
    }

    @Test
    void shouldCountPapersSeenAgainByAnotherSourceAsDuplicates() throws Exception {
        Path original = snapshot(tmp.resolve("dup-a"), "2612");
        Path copy = tmp.resolve("dup-b").resolve("same-papers.jsonl");
        Files.createDirectories(copy.getParent());
        Files.copy(original, copy);
        IngestOptions options = IngestOptions.defaults(kafka.bootstrapServers()).withTransactionalId("ingest-dup");
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
        long before = published("2612").size();

        IngestSummary summary;
        try (Consumer<byte[], byte[]> replay = replayConsumer();
                IngestRuntime runtime = IngestRuntime.connect(options, topics, producer("ingest-dup"), replay, clock,
                        clock.sleeper(), IngestListener.silent())) {
            summary = runtime.run(List.of(files(original), files(copy)));
        }

        long after = published("2612").size();
        assertThat(summary.total().duplicates() + summary.total().published()).isEqualTo(2L * PAPERS);
        assertThat(after - before).isEqualTo(summary.total().published());
        assertThat(summary.bySource().get(files(copy).id()).published()).isZero();
        assertThat(summary.bySource().get(files(copy).id()).duplicates()).isEqualTo(PAPERS);
    }
}
