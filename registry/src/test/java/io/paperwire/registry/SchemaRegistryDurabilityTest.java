package io.paperwire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry topic as the only state: restarts keep ids, and two instances on one broker agree. */
class SchemaRegistryDurabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static RegistryConfig config(String topic) {
        return RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0).withTopic(topic);
    }

    @Test
    void shouldKeepIdsVersionsDeletionsAndSettingsAcrossARestart() {
        Map<String, Integer> ids = new HashMap<>();
        int softDeletedId;
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config("_schemas_restart"))) {
            RegistryClient client = new RegistryClient(first.url());
            for (String name : List.of("One", "Two", "Three")) {
                ids.put(name, client.register("restart-" + name + "-value", TestSchemas.record(name)));
            }
            ids.put("Shared", client.register("restart-shared-value", TestSchemas.record("One")));
            client.register("restart-One-value", TestSchemas.recordWithExtra("One", true));
            softDeletedId = client.register("restart-soft-value", TestSchemas.record("Soft"));
            client.delete("/subjects/restart-soft-value");
            client.put("/config/restart-One-value", "{\"compatibility\":\"FORWARD\"}");
        }

        try (SchemaRegistryServer second = SchemaRegistryServer.start(config("_schemas_restart"))) {
            RegistryClient client = new RegistryClient(second.url());
            for (String name : List.of("One", "Two", "Three")) {
                JsonNode version = client.get("/subjects/restart-" + name + "-value/versions/1").json();
                assertThat(version.get("id").asInt()).as(name).isEqualTo(ids.get(name));
                assertThat(client.register("restart-" + name + "-value", TestSchemas.record(name)))
                        .isEqualTo(ids.get(name));
            }
            assertThat(ids.get("Shared")).isEqualTo(ids.get("One"));
            assertThat(client.get("/subjects/restart-One-value/versions").json().toString()).isEqualTo("[1,2]");
            assertThat(client.get("/subjects/restart-soft-value/versions").status()).isEqualTo(404);
            assertThat(client.get("/subjects/restart-soft-value/versions?deleted=true").json().toString())
                    .isEqualTo("[1]");
            assertThat(client.get("/schemas/ids/" + softDeletedId).status()).isEqualTo(200);
            assertThat(client.get("/config/restart-One-value").json().get("compatibilityLevel").asText())
                    .isEqualTo("FORWARD");

            int newId = client.register("restart-new-value", TestSchemas.record("New"));
            assertThat(newId).isGreaterThan(ids.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
                    .isGreaterThan(softDeletedId);
        }
    }

    @Test
    void shouldAgreeOnIdsWhenTwoInstancesRegisterConcurrently() throws Exception {
        try (SchemaRegistryServer a = SchemaRegistryServer.start(config("_schemas_shared"));
             SchemaRegistryServer b = SchemaRegistryServer.start(config("_schemas_shared"))) {
            List<RegistryClient> clients = List.of(new RegistryClient(a.url()), new RegistryClient(b.url()));
            clients.get(0).put("/config/contended-value", "{\"compatibility\":\"NONE\"}");

            // Each task registers one schema under one subject through one instance. Many distinct schemas race for
            // new ids; many race for the versions of one subject; the same schemas go under two subjects.
            record Task(int instance, String subject, String schema) {
            }
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(new Task(i % 2, "race-" + i + "-value", TestSchemas.record("Race" + i)));
                tasks.add(new Task((i + 1) % 2, "race-copy-" + i + "-value", TestSchemas.record("Race" + i)));
                tasks.add(new Task(i % 2, "contended-value", TestSchemas.record("Contended" + i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Map<Task, Future<Integer>> results = new HashMap<>();
            try {
                for (Task task : tasks) {
                    Callable<Integer> call = () -> clients.get(task.instance()).register(task.subject(), task.schema());
                    results.put(task, pool.submit(call));
                }
                Map<String, Integer> idBySchema = new HashMap<>();
                for (Task task : tasks) {
                    int id = results.get(task).get();
                    Integer earlier = idBySchema.putIfAbsent(ParsedSchema.parse(task.schema()).canonical(), id);
                    assertThat(earlier == null ? id : earlier).as("one id per schema: " + task).isEqualTo(id);
                }
                assertThat(new HashSet<>(idBySchema.values())).as("one schema per id").hasSize(idBySchema.size());

                for (Map.Entry<String, Integer> entry : idBySchema.entrySet()) {
                    for (RegistryClient client : clients) {
                        String text = client.get("/schemas/ids/" + entry.getValue()).json().get("schema").asText();
                        assertThat(ParsedSchema.parse(text).canonical()).isEqualTo(entry.getKey());
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            List<Integer> expectedVersions = IntStream.rangeClosed(1, 12).boxed().toList();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (RegistryClient client : clients) {
                    assertThat(versions(client, "contended-value")).isEqualTo(expectedVersions);
                    assertThat(client.get("/subjects").json()).hasSize(25);
                }
            });
            for (int version : expectedVersions) {
                JsonNode viaA = clients.get(0).get("/subjects/contended-value/versions/" + version).json();
                JsonNode viaB = clients.get(1).get("/subjects/contended-value/versions/" + version).json();
                assertThat(viaA).isEqualTo(viaB);
            }
        }
    }

    @Test
    void shouldWriteConfluentShapedRecordsToACompactedTopic() throws Exception {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config("_schemas_shape"))) {
            RegistryClient client = new RegistryClient(server.url());
            client.register("shape-value", TestSchemas.record("Shape"));
            client.put("/config/shape-value", "{\"compatibility\":\"FULL\"}");
        }
        try (var admin = kafka.admin()) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "_schemas_shape");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of("_schemas_shape")).allTopicNames().get()
                    .get("_schemas_shape").partitions()).hasSize(1);
        }

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("_schemas_shape", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= 2;
            });
        }
        JsonNode schemaKey = JSON.readTree(records.get(0).key());
        JsonNode schemaValue = JSON.readTree(records.get(0).value());
        assertThat(schemaKey.get("keytype").asText()).isEqualTo("SCHEMA");
        assertThat(schemaKey.get("subject").asText()).isEqualTo("shape-value");
        assertThat(schemaKey.get("version").asInt()).isEqualTo(1);
        assertThat(schemaKey.get("magic").asInt()).isEqualTo(1);
        Set<String> valueFields = new HashSet<>();
        schemaValue.fieldNames().forEachRemaining(valueFields::add);
        assertThat(valueFields).containsExactlyInAnyOrder("subject", "version", "id", "schema", "deleted");
        assertThat(schemaValue.get("deleted").asBoolean()).isFalse();

        JsonNode configKey = JSON.readTree(records.get(1).key());
        assertThat(configKey.get("keytype").asText()).isEqualTo("CONFIG");
        assertThat(JSON.readTree(records.get(1).value()).get("compatibilityLevel").asText()).isEqualTo("FULL");
    }

    @Test
    void shouldFailToStartWithAClearReasonWhenThePortIsTaken() {
        try (SchemaRegistryServer first = SchemaRegistryServer.start(config("_schemas_port"))) {
            RegistryConfig samePort = config("_schemas_port").withPort(first.url().getPort());

            assertThatThrownBy(() -> SchemaRegistryServer.start(samePort))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on localhost:" + first.url().getPort());
            assertThat(new RegistryClient(first.url()).get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void shouldFailToStartWithAClearReasonWhenKafkaIsUnreachable() {
        RegistryConfig unreachable = RegistryConfig.defaults("localhost:1").withPort(0)
                .withInitTimeout(Duration.ofSeconds(2));

        assertThatThrownBy(() -> SchemaRegistryServer.start(unreachable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("_schemas");
    }

    @Test
    void shouldRefuseATopicWithMoreThanOnePartition() {
        kafka.createTopic("_schemas_two_partitions", 2, Map.of("cleanup.policy", "compact"));

        assertThatThrownBy(() -> SchemaRegistryServer.start(config("_schemas_two_partitions")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly 1");
    }

    private static List<Integer> versions(RegistryClient client, String subject) {
        List<Integer> versions = new ArrayList<>();
        client.get("/subjects/" + subject + "/versions").json().forEach(v -> versions.add(v.asInt()));
        return versions;
    }
}
