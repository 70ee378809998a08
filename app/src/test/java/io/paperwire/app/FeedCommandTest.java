package io.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperwire feed} on the embedded platform: from a timestamp, up to a timestamp, and following new records. */
class FeedCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static Platform platform;
    static Topic<String, Paper> published;

    @BeforeAll
    static void startPlatformAndPublishTenPapersAnHourApart() throws Exception {
        platform = Platform.start(PaperwireConfig.of(Map.of(
                Settings.DATA_DIR, dataDir.toString(),
                Settings.KAFKA_PORT, port(), Settings.KAFKA_CONTROLLER_PORT, port(), Settings.REGISTRY_PORT, port())));
        published = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig()).published();
        for (int i = 0; i < 10; i++) {
            send(i, T0.plus(Duration.ofHours(i)));
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void shouldPrintExactlyTheRecordsAtOrAfterFrom() throws Exception {
        List<JsonNode> lines = feed("--from", "2026-11-01T04:00Z");
        assertThat(lines).extracting(l -> l.get("value").get("key").asText())
                .containsExactlyInAnyOrderElementsOf(sentBetween(T0.plus(Duration.ofHours(4)), Instant.MAX))
                .contains(keys(4, 10));
        assertThat(lines).allSatisfy(l -> assertThat(Instant.parse(l.get("timestamp").asText()))
                .isAfterOrEqualTo(T0.plus(Duration.ofHours(4))));
    }

    @Test
    void shouldPrintEverythingWithoutFrom() throws Exception {
        assertThat(feed("--max", "3")).hasSize(3);
    }

    @Test
    void shouldStopBeforeTo() throws Exception {
        List<JsonNode> lines = feed("--from", "2026-11-01T02:00Z", "--to", "2026-11-01T05:00Z");
        assertThat(lines).extracting(l -> l.get("value").get("key").asText()).containsExactlyInAnyOrder(keys(2, 5));
        assertThat(sentBetween(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(5)))).containsExactlyInAnyOrder(keys(2, 5));
    }

    @Test
    void shouldPrintAvroJsonOnRequest() throws Exception {
        List<JsonNode> lines = feed("--from", "2026-11-01T09:00Z", "--to", "2026-11-01T10:00Z", "--format", "avro-json");
        assertThat(lines).hasSize(1);
        // Avro's JSON encoding wraps union values in their type.
        assertThat(lines.get(0).get("value").get("arxivId").get("string").asText()).isEqualTo("2611.00009");
    }

    @Test
    void shouldFollowNewRecords() throws Exception {
        CompletableFuture<List<JsonNode>> following = CompletableFuture.supplyAsync(() -> {
            try {
                return feed("--from", "2026-11-01T09:00Z", "--follow", "--max", "2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The follower prints the one existing record, then waits; a record written later reaches it and --max ends it.
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    if (!following.isDone()) {
                        send(100, T0.plus(Duration.ofHours(20)));
                    }
                    return following.isDone();
                });
        assertThat(following.get()).extracting(l -> l.get("value").get("key").asText())
                .containsExactly("arxiv:2611.00009", "arxiv:2611.00100");
    }

    @Test
    void shouldPrintOnlyTheEnrichedPapersMatchingAQuery() throws Exception {
        Topic<String, EnrichedPaper> enriched = PaperwireTopics.fromConfig(platform.topicNames(),
                platform.serdeConfig()).enriched();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                enriched.keySerde().serializer(), enriched.valueSerde().serializer())) {
            String[][] papers = {{"arxiv:2611.10001", "Routing tokens to experts", "mixture of experts"},
                {"arxiv:2611.10002", "Protein folding at scale", "protein structure"},
                {"arxiv:2611.10003", "Sparse experts for speech", "speech recognition"}};
            for (String[] p : papers) {
                Paper paper = PlatformEndToEndTest.samplePaper();
                paper.setKey(p[0]);
                paper.setTitle(p[1]);
                paper.setTitlePlain(null);
                paper.setAbstractText("An abstract.");
                producer.send(new ProducerRecord<>(enriched.name(), p[0], EnrichedPaper.newBuilder().setPaper(paper)
                        .setKeywords(List.of(new Keyword(p[2], p[2], 1.0))).setTags(List.of()).setEnricherVersion("test")
                        .setEnrichedAt(T0).build())).get();
            }
        }
        List<JsonNode> lines = feedOf(enriched.name(), "--query", "title:experts AND NOT keywords:speech");
        assertThat(lines).extracting(l -> l.get("key").asText()).containsExactly("arxiv:2611.10001");

        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"feed", "--topic", enriched.name(), "--query", "colour:red"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--query: ").contains("colour");
        status = Main.run(new String[] {"feed", "--topic", published.name(), "--query", "title:experts"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--query filters papers.enriched");
    }

    @Test
    void shouldRefuseABadTime() throws Exception {
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"feed", "--from", "yesterday"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("'yesterday' is not a time");
    }

    /** Keys of every record this class sent with a timestamp in [from, to). */
    private static List<String> sentBetween(Instant from, Instant to) {
        synchronized (SENT) {
            return SENT.stream().filter(e -> !e.getValue().isBefore(from) && e.getValue().isBefore(to))
                    .map(Map.Entry::getKey).toList();
        }
    }

    private static String[] keys(int fromInclusive, int toExclusive) {
        return java.util.stream.IntStream.range(fromInclusive, toExclusive)
                .mapToObj(i -> String.format("arxiv:2611.%05d", i)).toArray(String[]::new);
    }

    private static List<JsonNode> feed(String... args) throws IOException {
        return feedOf(published.name(), args);
    }

    private static List<JsonNode> feedOf(String topic, String... args) throws IOException {
        String[] full = new String[args.length + 7];
        full[0] = "feed";
        full[1] = "--topic";
        full[2] = topic;
        full[3] = "--bootstrap-servers";
        full[4] = platform.bootstrapServers();
        full[5] = "--schema-registry-url";
        full[6] = platform.schemaRegistryUrl();
        System.arraycopy(args, 0, full, 7, args.length);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        StringWriter err = new StringWriter();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = Main.run(full, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        } finally {
            System.setOut(original);
        }
        assertThat(status).as(err.toString()).isZero();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** Every record sent, in order: key and timestamp. */
    private static final List<Map.Entry<String, Instant>> SENT = new java.util.ArrayList<>();

    private static void send(int i, Instant timestamp) throws Exception {
        Paper paper = PlatformEndToEndTest.samplePaper();
        String id = String.format("2611.%05d", i);
        paper.setKey("arxiv:" + id);
        paper.setArxivId(id);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), published.keySerde().serializer(), published.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(published.name(), null, timestamp.toEpochMilli(), paper.getKey(), paper)).get();
        }
        synchronized (SENT) {
            SENT.add(Map.entry(paper.getKey(), timestamp));
        }
    }

    private static String port() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
