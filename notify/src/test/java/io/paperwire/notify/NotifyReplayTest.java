package io.paperwire.notify;

import static io.paperwire.notify.NotifyFixtures.expertsPaper;
import static io.paperwire.notify.NotifyFixtures.graphenePaper;
import static io.paperwire.notify.NotifyFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import io.paperwire.schemas.serde.AvroSerdeConfig;
import io.paperwire.notify.alerting.AlertTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the embedded broker and the real registry: papers in, alerts out; then {@code papers.enriched}
 * replayed from the earliest offset (offsets reset with the Admin API while the app is stopped), once with the
 * state directory kept and once with it wiped (the ledger restored from its changelog): zero new alerts. And an
 * upgrade: what the per-(subscription, paper) ledger of earlier releases remembers, in its changelog, is not alerted
 * again.
 */
class NotifyReplayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int ENRICHED_PARTITIONS = 3;

    @TempDir
    Path dataDir;

    @Test
    void shouldAlertOnceAndNotAgainWhenPapersEnrichedIsReplayedFromTheStart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("broker"));
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0))) {
            PaperwireTopics topics = PaperwireTopics.fromConfig(
                    Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString()));
            kafka.createTopics(List.of(
                    new NewTopic(topics.enriched().name(), ENRICHED_PARTITIONS, (short) 1),
                    new NewTopic(topics.subscriptions().name(), 1, (short) 1).configs(
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.alerts().name(), ENRICHED_PARTITIONS, (short) 1),
                    new NewTopic(topics.deadLetters().name(), 1, (short) 1)));
            NotifyConfig config = NotifyConfig.defaults()
                    .withServers(kafka.bootstrapServers(), registry.url().toString())
                    .withInstance("notify-replay-test", dataDir.resolve("state"))
                    .withHttp(0, "token");

            try (Producer<byte[], byte[]> producer = producer(kafka)) {
                send(producer, topics.subscriptions(), "subA", subscription("subA", "title:experts"));
                send(producer, topics.subscriptions(), "subB", subscription("subB", "tags:\"mixture of experts\""));
                for (int i = 0; i < 10; i++) {
                    EnrichedPaper paper = i % 2 == 0 ? expertsPaper("test:" + i, 1, "e1", 1.0)
                            : graphenePaper("test:" + i);
                    send(producer, topics.enriched(), paper.getPaper().getKey(), paper);
                }
                // a revision and a re-enrichment of an alerted paper: no new alert either
                send(producer, topics.enriched(), "test:0", expertsPaper("test:0", 2, "e1", 1.0));
                send(producer, topics.enriched(), "test:0", expertsPaper("test:0", 2, "e2", 1.0));
            }
            int expected = 5 * 2;

            NotifyService first = NotifyService.start(config, topics, Clock.systemUTC(), PATIENCE);
            awaitRunning(first);
            await().atMost(PATIENCE).until(() -> readAlerts(kafka, topics).size() >= expected);
            awaitInputConsumed(kafka, config, topics);
            first.close(PATIENCE);
            List<Alert> before = readAlerts(kafka, topics);
            assertThat(before).hasSize(expected);
            assertThat(before).extracting(Alert::getAlertId).doesNotHaveDuplicates();

            replayFromEarliest(kafka, config, topics);
            NotifyService second = NotifyService.start(config, topics, Clock.systemUTC(), PATIENCE);
            try {
                awaitRunning(second);
                awaitInputConsumed(kafka, config, topics);
            } finally {
                second.close(PATIENCE);
            }
            assertThat(readAlerts(kafka, topics)).as("alerts after a replay with the state dir kept")
                    .hasSize(expected);

            // the local state is gone (a new machine): the ledger comes back from its changelog topic
            deleteRecursively(config.stateDir());
            replayFromEarliest(kafka, config, topics);
            NotifyService third = NotifyService.start(config, topics, Clock.systemUTC(), PATIENCE);
            try {
                awaitRunning(third);
                awaitInputConsumed(kafka, config, topics);
                // a fresh paper proves the replayed app is live and alerting
                try (Producer<byte[], byte[]> producer = producer(kafka)) {
                    send(producer, topics.enriched(), "test:new", expertsPaper("test:new", 1, "e1", 1.0));
                }
                await().atMost(PATIENCE).until(() -> readAlerts(kafka, topics).size() >= expected + 2);
                awaitInputConsumed(kafka, config, topics);
            } finally {
                third.close(PATIENCE);
            }
            List<Alert> after = readAlerts(kafka, topics);
            assertThat(after).hasSize(expected + 2);
            assertThat(after.subList(expected, after.size())).extracting(Alert::getAlertId)
                    .containsExactlyInAnyOrder("subA:test:new", "subB:test:new");
        }
    }

    @Test
    void shouldNotAlertWhatTheLedgerOfAnEarlierReleaseRemembers() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("broker"));
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0))) {
            PaperwireTopics topics = PaperwireTopics.fromConfig(
                    Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString()));
            NotifyConfig config = NotifyConfig.defaults()
                    .withServers(kafka.bootstrapServers(), registry.url().toString())
                    .withInstance("notify-upgrade-test", dataDir.resolve("state"))
                    .withHttp(0, "token");
            // the changelog an earlier release left: one entry per subscriptionId|paperKey, value "version|enricher",
            // in the partition of the paper's task
            String legacyChangelog = config.applicationId() + "-" + AlertTopology.LEGACY_LEDGER_STORE + "-changelog";
            kafka.createTopics(List.of(
                    new NewTopic(topics.enriched().name(), ENRICHED_PARTITIONS, (short) 1),
                    new NewTopic(topics.subscriptions().name(), 1, (short) 1).configs(
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.alerts().name(), ENRICHED_PARTITIONS, (short) 1),
                    new NewTopic(topics.deadLetters().name(), 1, (short) 1),
                    new NewTopic(legacyChangelog, ENRICHED_PARTITIONS, (short) 1).configs(
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));

            try (Producer<byte[], byte[]> producer = producer(kafka)) {
                for (String remembered : List.of("subA|test:0", "subB|test:0", "subA|test:2")) {
                    String paperKey = remembered.substring(remembered.indexOf('|') + 1);
                    producer.send(new ProducerRecord<>(legacyChangelog, taskPartition(paperKey),
                            remembered.getBytes(StandardCharsets.UTF_8), "1|e1".getBytes(StandardCharsets.UTF_8)))
                            .get();
                }
                send(producer, topics.subscriptions(), "subA", subscription("subA", "title:experts"));
                send(producer, topics.subscriptions(), "subB", subscription("subB", "tags:\"mixture of experts\""));
                // ten papers, so that every partition has input (the wait below needs a commit on each)
                for (int i = 0; i < 10; i++) {
                    EnrichedPaper paper = i % 2 == 0 ? expertsPaper("test:" + i, 1, "e2", 1.0)
                            : graphenePaper("test:" + i);
                    send(producer, topics.enriched(), paper.getPaper().getKey(), paper);
                }
                send(producer, topics.enriched(), "test:0", expertsPaper("test:0", 2, "e2", 1.0));
            }

            NotifyService service = NotifyService.start(config, topics, Clock.systemUTC(), PATIENCE);
            try {
                awaitRunning(service);
                awaitInputConsumed(kafka, config, topics);
            } finally {
                service.close(PATIENCE);
            }
            assertThat(readAlerts(kafka, topics)).extracting(Alert::getAlertId).containsExactlyInAnyOrder(
                    "subB:test:2", "subA:test:4", "subB:test:4", "subA:test:6", "subB:test:6", "subA:test:8",
                    "subB:test:8");
        }
    }

    /** The partition of papers.enriched (and so of the task and its changelogs) a paper key goes to. */
    private static int taskPartition(String paperKey) {
        return Utils.toPositive(Utils.murmur2(paperKey.getBytes(StandardCharsets.UTF_8))) % ENRICHED_PARTITIONS;
    }

    /** Sets the stopped app's committed offsets on papers.enriched back to 0, as an operator would. */
    private static void replayFromEarliest(EmbeddedKafka kafka, NotifyConfig config, PaperwireTopics topics) {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
            for (int p = 0; p < ENRICHED_PARTITIONS; p++) {
                earliest.put(new TopicPartition(topics.enriched().name(), p), new OffsetAndMetadata(0));
            }
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets(config.applicationId(), earliest).all()
                            .get(10, TimeUnit.SECONDS));
            await().atMost(PATIENCE).until(() -> admin.listConsumerGroupOffsets(config.applicationId())
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topics.enriched().name()))
                    .allMatch(e -> e.getValue().offset() == 0));
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(root).doesNotExist();
    }

    private static void awaitRunning(NotifyService service) {
        await().atMost(PATIENCE).until(() -> service.streams().state() == KafkaStreams.State.RUNNING);
    }

    /** Waits until the app's committed offsets on papers.enriched reach the end of every partition. */
    private static void awaitInputConsumed(EmbeddedKafka kafka, NotifyConfig config, PaperwireTopics topics) {
        try (Admin admin = kafka.admin()) {
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < ENRICHED_PARTITIONS; p++) {
                    latest.put(new TopicPartition(topics.enriched().name(), p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }

    private static Producer<byte[], byte[]> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <V> void send(Producer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value)
            throws ExecutionException, InterruptedException {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes)).get();
    }

    private static List<Alert> readAlerts(EmbeddedKafka kafka, PaperwireTopics topics) {
        Topic<String, Alert> alerts = topics.alerts();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                alerts.keySerde().deserializer(), alerts.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(alerts.name()).stream()
                    .map(p -> new TopicPartition(alerts.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, Alert>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            records.sort(Comparator.comparing(r -> r.value().getMatchedAt()));
            return records.stream().map(ConsumerRecord::value).toList();
        }
    }
}
