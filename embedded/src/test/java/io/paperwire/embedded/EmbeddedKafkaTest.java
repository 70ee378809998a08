package io.paperwire.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTopicsRecordsAndOffsetsAcrossARestartOnTheSameDirectory() throws Exception {
        EmbeddedKafka.Config config;
        try (EmbeddedKafka broker = EmbeddedKafka.start(dataDir)) {
            config = broker.config();
            broker.createTopic("papers.test", 3, Map.of("cleanup.policy", "delete"));
            produce(broker.bootstrapServers(), 100);
            assertThat(consumeAll(broker.bootstrapServers(), "group-a")).hasSize(100);
        }
        try (EmbeddedKafka restarted = EmbeddedKafka.start(config)) {
            assertThat(restarted.bootstrapServers()).isEqualTo("localhost:" + config.port());
            try (var admin = restarted.admin()) {
                assertThat(admin.listTopics().names().get()).contains("papers.test");
            }
            // A new group reads every record again; the old group's committed offsets survived the restart.
            assertThat(consumeAll(restarted.bootstrapServers(), "group-b")).hasSize(100);
            produce(restarted.bootstrapServers(), 1);
            assertThat(consumeAll(restarted.bootstrapServers(), "group-a")).hasSize(1);
        }
    }

    @Test
    void shouldCreateTopicsIdempotently() {
        try (EmbeddedKafka broker = EmbeddedKafka.start(dataDir)) {
            broker.createTopic("once", 2, Map.of());
            broker.createTopic("once", 2, Map.of());
        }
    }

    @Test
    void shouldRefuseAPortInUseWithoutHaltingTheJvm() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            var config = EmbeddedKafka.Config.of(dataDir).withPorts(taken.getLocalPort(), 0);
            assertThatThrownBy(() -> EmbeddedKafka.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("in use");
        }
    }

    private static void produce(String bootstrap, int count) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("papers.test", "k" + i, "v" + i)).get();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String group) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("papers.test"));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofSeconds(1));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                batch.forEach(records::add);
            }
            consumer.commitSync();
        }
        return records;
    }
}
