package io.paperwire.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import io.paperwire.schemas.serde.HttpSchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * paperwire against Confluent's Python client (Debian's {@code python3-confluent-kafka}, legacy
 * {@code confluent_kafka.avro} API, which re-serialises schema text and always sends {@code Authorization: Basic Og==}):
 * it registers and looks up through paperwire's registry, reads records paperwire's serde wrote, and writes records
 * paperwire's serde reads. {@code .ci/run} installs the Python packages; where they are missing the test skips and says so.
 */
class InteropWithConfluentPythonClientTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPT = Path.of("src/test/python/confluent_client.py").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static EmbeddedKafka broker;
    static SchemaRegistryServer registry;

    @BeforeAll
    static void startPlatform() throws Exception {
        Assumptions.assumeTrue(pythonClientAvailable(), "skipped: Confluent's Python client is not installed "
                + "(apt-get install python3-confluent-kafka python3-avro python3-requests; .ci/run does this)");
        broker = EmbeddedKafka.start(dataDir);
        registry = SchemaRegistryServer.start(RegistryConfig.defaults(broker.bootstrapServers()).withPort(0));
    }

    @AfterAll
    static void stopPlatform() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldRegisterAndLookUpThroughPaperwiresRegistry() throws Exception {
        Path schema = Files.writeString(dataDir.resolve("paper-registry.avsc"), Paper.getClassSchema().toString());
        JsonNode answer = lastLine(run("registry", registry.url().toString(), "python-subject-value", schema.toString()));
        assertThat(answer.get("same").asBoolean()).isTrue();
        assertThat(answer.get("version").asInt()).isEqualTo(1);
        assertThat(answer.get("latestId").asInt()).isEqualTo(answer.get("id").asInt());
        // paperwire's own client sees the schema the Python client registered, under the same id.
        var ours = new HttpSchemaRegistryClient(registry.url());
        assertThat(ours.lookupId("python-subject-value", Paper.getClassSchema())).isEqualTo(answer.get("id").asInt());
    }

    @Test
    void shouldBeReadByConfluentsPythonClient() throws Exception {
        String topic = "interop.to-python";
        broker.createTopic(topic, 1, Map.of());
        Topic<String, Paper> papers = topicNamed(topic);
        List<Paper> written = InteropFixtures.papers();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), papers.keySerde().serializer(), papers.valueSerde().serializer())) {
            for (Paper paper : written) {
                producer.send(new ProducerRecord<>(topic, paper.getKey(), paper)).get();
            }
        }
        List<JsonNode> read = run("consume", broker.bootstrapServers(), registry.url().toString(), topic,
                String.valueOf(written.size()));
        assertThat(read).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            Paper expected = written.get(i);
            JsonNode value = read.get(i).get("value");
            assertThat(read.get(i).get("key").asText()).isEqualTo(expected.getKey());
            assertThat(value.get("title").asText()).isEqualTo(expected.getTitle());
            assertThat(value.get("abstractText").asText()).isEqualTo(expected.getAbstractText());
            assertThat(value.get("version").asInt()).isEqualTo(expected.getVersion());
            assertThat(value.get("kind").asText()).isEqualTo(expected.getKind().name());
            assertThat(value.get("authors")).hasSize(expected.getAuthors().size());
            assertThat(value.get("ingestedAt").asLong()).isEqualTo(expected.getIngestedAt().toEpochMilli());
        }
        assertThat(read.get(0).get("value").get("authors").get(0).get("affiliation").asText())
                .isEqualTo("Example University");
    }

    @Test
    void shouldReadWhatConfluentsPythonClientWrote() throws Exception {
        String topic = "interop.from-python";
        broker.createTopic(topic, 1, Map.of());
        List<Paper> expected = InteropFixtures.papers();
        Path schema = Files.writeString(dataDir.resolve("paper.avsc"), Paper.getClassSchema().toString());
        List<String> lines = new ArrayList<>();
        for (Paper paper : expected) {
            lines.add(plainJson(paper));
        }
        Path input = Files.write(dataDir.resolve("papers.jsonl"), lines);
        JsonNode produced = lastLine(run("produce", broker.bootstrapServers(), registry.url().toString(), topic,
                schema.toString(), input.toString()));
        assertThat(produced.get("produced").asInt()).isEqualTo(expected.size());

        Topic<String, Paper> papers = topicNamed(topic);
        List<Paper> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "interop-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                papers.keySerde().deserializer(), papers.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (read.size() < expected.size() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
            }
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    private Topic<String, Paper> topicNamed(String name) {
        var names = io.paperwire.schemas.TopicNames.defaults();
        var renamed = new io.paperwire.schemas.TopicNames(name, names.signals(), names.enriched(), names.trending(),
                names.subscriptions(), names.alerts(), names.deliveries(), names.checkpoints(), names.deadLetters());
        return new PaperwireTopics(renamed, new HttpSchemaRegistryClient(registry.url()),
                Map.of("schema.registry.url", registry.url().toString())).published();
    }

    /** A paper as plain JSON (no Avro union wrapping; timestamps as epoch millis), the shape Python's producer takes. */
    private static String plainJson(Paper paper) throws IOException {
        JsonNode avroJson = JSON.readTree(InteropFixtures.avroJson(paper));
        return JSON.writeValueAsString(unwrapUnions(avroJson));
    }

    private static JsonNode unwrapUnions(JsonNode node) {
        if (node.isObject()) {
            var object = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isObject() && v.size() == 1 && isUnionBranch(v.fieldNames().next())) {
                    v = v.elements().next();
                }
                object.set(e.getKey(), unwrapUnions(v));
            });
            return object;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(v -> array.add(unwrapUnions(v)));
            return array;
        }
        return node;
    }

    private static boolean isUnionBranch(String name) {
        return name.equals("string") || name.equals("long") || name.equals("int") || name.equals("double")
                || name.equals("boolean") || name.equals("bytes") || name.startsWith("io.paperwire.schemas.");
    }

    private static List<JsonNode> run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("python client %s failed: %s", args[0], new String(stderr, StandardCharsets.UTF_8))
                .isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(stdout, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static JsonNode lastLine(List<JsonNode> lines) {
        assertThat(lines).isNotEmpty();
        return lines.get(lines.size() - 1);
    }

    private static boolean pythonClientAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.avro, avro, requests")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
