package io.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import io.paperwire.schemas.PaperLinks;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded platform end to end: broker + registry + topics; a paper event written with paperwire's serde is read
 * back; after a restart on the same data directory, the record, the topics and the schema ids are all still there.
 */
class PlatformEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldPublishAPaperAndReadItBackAcrossARestart() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(
                Settings.DATA_DIR, dataDir.toString(),
                Settings.KAFKA_PORT, String.valueOf(freePort()),
                Settings.KAFKA_CONTROLLER_PORT, String.valueOf(freePort()),
                Settings.REGISTRY_PORT, String.valueOf(freePort())));
        Paper paper = samplePaper();

        try (Platform platform = Platform.start(config)) {
            assertThat(platform.embeddedKafka()).isTrue();
            assertThat(platform.embeddedRegistry()).isTrue();
            assertTopicsExistWithTheirPolicies(platform);

            Topic<String, Paper> published = PaperwireTopics.fromConfig(platform.serdeConfig()).published();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all"),
                    published.keySerde().serializer(), published.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(published.name(), paper.getKey(), paper)).get();
            }
            assertThat(readAll(platform, published)).containsExactly(paper);
        }

        // Restart on the same data directory: the broker keeps the record, the registry keeps the schema id
        // (a fresh deserializer must fetch the writer schema by id from the restarted registry).
        try (Platform restarted = Platform.start(config)) {
            assertTopicsExistWithTheirPolicies(restarted);
            Topic<String, Paper> published = PaperwireTopics.fromConfig(restarted.serdeConfig()).published();
            assertThat(readAll(restarted, published)).containsExactly(paper);
        }
    }

    private static void assertTopicsExistWithTheirPolicies(Platform platform) throws Exception {
        try (var admin = platform.admin()) {
            assertThat(admin.listTopics().names().get()).containsAll(platform.topicNames().all());
            var resources = List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, "papers.published"),
                    new ConfigResource(ConfigResource.Type.TOPIC, "subscriptions"));
            var configs = admin.describeConfigs(resources).all().get();
            ConfigEntry retention = configs.get(resources.get(0)).get("retention.ms");
            assertThat(retention.value()).isEqualTo("-1");
            assertThat(configs.get(resources.get(1)).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private static <V> List<V> readAll(Platform platform, Topic<String, V> topic) {
        List<V> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            // One more poll: nothing else may follow.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    static Paper samplePaper() {
        Instant published = Instant.parse("2026-11-27T20:00:00Z");
        return Paper.newBuilder()
                .setKey("arxiv:2611.00042")
                .setKind(PaperEventKind.NEW_PAPER)
                .setSource("test")
                .setArxivId("2611.00042")
                .setVersion(1)
                .setTitle("Sparse <script>Mixture-of-Experts</script> for $\\Lambda_{\\alpha}$ streams")
                .setAbstractText("We route every token to one expert. Unicode: Bal\u00e1zs, \u00fcber, \u4e2d\u6587.")
                .setAuthors(List.of(new Author("Bal\\'azs Szegedy", "Example University"), new Author("A. N. Other", null)))
                .setCategories(List.of("cs.LG", "stat.ML"))
                .setPrimaryCategory("cs.LG")
                .setLinks(new PaperLinks("https://arxiv.org/abs/2611.00042", "https://arxiv.org/pdf/2611.00042v1"))
                .setFirstPublishedAt(published)
                .setVersionPublishedAt(published)
                .setIngestedAt(published.plusSeconds(5))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
