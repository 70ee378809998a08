package io.paperwire.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.notify.subscriptions.SubscriptionListener;
import io.paperwire.notify.subscriptions.SubscriptionStore;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.Topic;
import io.paperwire.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscriptions API over a real HTTP server and a store on the embedded broker with the real registry. */
class SubscriptionsApiTest {

    private static final String TOKEN = "test-api-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer registry;
    private static Topic<String, Subscription> topic;
    private static SubscriptionStore store;
    private static NotifyHttpServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException {
        kafka = EmbeddedKafka.start(dataDir);
        registry = SchemaRegistryServer.start(RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0));
        PaperwireTopics topics = PaperwireTopics.fromConfig(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString()));
        topic = topics.subscriptions();
        kafka.createTopics(List.of(new NewTopic(topic.name(), 2, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        store = new SubscriptionStore(topic,
                new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                        topic.keySerde().serializer(), topic.valueSerde().serializer()),
                new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        topic.keySerde().deserializer(), topic.valueSerde().deserializer()),
                Duration.ofSeconds(20));
        store.start();
        assertThat(store.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        server = NotifyHttpServer.start("127.0.0.1", 0, 2);
        new SubscriptionsApi(store, TOKEN, new SecureRandom(), Clock.systemUTC()).registerOn(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close(Duration.ZERO);
        }
        if (store != null) {
            store.close(Duration.ofSeconds(5));
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, boolean authorized)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')))
                .header("Content-Type", "application/json");
        if (authorized) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static final String MOE = "{'ownerEmail': 'ada@example.org', 'name': 'MoE', "
            + "'query': 'tags:\\'mixture of experts\\'', 'channels': {'dailyDigest': "
            + "{'time': '07:30', 'timeZone': 'Europe/Berlin'}}}";

    @Test
    void shouldCreateReadListUpdateAndDeleteASubscription() throws Exception {
        HttpResponse<String> created = send("POST", "/api/subscriptions", MOE, true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{16}");
        assertThat(created.headers().firstValue("Location")).contains("/api/subscriptions/" + id);
        assertThat(store.get(id)).isPresent();

        assertThat(send("GET", "/api/subscriptions/" + id, null, false).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/subscriptions?owner=ada@example.org", null, false).statusCode()).isEqualTo(401);
        HttpResponse<String> read = send("GET", "/api/subscriptions/" + id, null, true);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).at("/subscription/query").asText()).isEqualTo("tags:\"mixture of experts\"");
        assertThat(json(read).at("/subscription/channels/dailyDigest/timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.body()).doesNotContain(store.get(id).orElseThrow().getUnsubscribeToken());

        send("POST", "/api/subscriptions", MOE.replace("ada@", "bob@"), true);
        HttpResponse<String> mine = send("GET", "/api/subscriptions?owner=ada@example.org", null, true);
        List<String> ids = new ArrayList<>();
        json(mine).get("subscriptions").forEach(node -> ids.add(node.get("id").asText()));
        assertThat(ids).contains(id);
        json(mine).get("subscriptions").forEach(node ->
                assertThat(node.at("/subscription/ownerEmail").asText()).isEqualTo("ada@example.org"));

        HttpResponse<String> updated = send("PUT", "/api/subscriptions/" + id,
                MOE.replace("'MoE'", "'Experts'").replace("'query'", "'status': 'PAUSED', 'query'"), true);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(store.get(id).orElseThrow().getName()).isEqualTo("Experts");
        assertThat(store.get(id).orElseThrow().getStatus()).isEqualTo(SubscriptionStatus.PAUSED);

        HttpResponse<String> deleted = send("DELETE", "/api/subscriptions/" + id, null, true);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(store.get(id)).isEmpty();
        assertThat(send("GET", "/api/subscriptions/" + id, null, true).statusCode()).isEqualTo(404);
        assertThat(lastRecordOnTopic(id)).isNotNull().extracting(ConsumerRecord::value).isNull();
    }

    @Test
    void shouldRefuseWritesWithoutTheToken() throws Exception {
        HttpResponse<String> response = send("POST", "/api/subscriptions", MOE, false);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).contains("Authorization");
        HttpRequest wrong = HttpRequest.newBuilder(server.url().resolve("/api/subscriptions"))
                .POST(HttpRequest.BodyPublishers.ofString(MOE.replace('\'', '"')))
                .header("Content-Type", "application/json").header("Authorization", "Bearer nope").build();
        assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswer400NamingTheFieldAndOtherErrors() throws Exception {
        HttpResponse<String> badZone = send("POST", "/api/subscriptions",
                MOE.replace("Europe/Berlin", "Europe/Atlantis"), true);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(json(badZone).get("field").asText()).isEqualTo("channels.dailyDigest.timeZone");

        HttpResponse<String> badQuery = send("POST", "/api/subscriptions",
                MOE.replace("tags:\\'mixture of experts\\'", "venue:icml"), true);
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(json(badQuery).get("field").asText()).isEqualTo("query");
        assertThat(json(badQuery).get("error").asText()).contains("venue");

        HttpRequest notJson = HttpRequest.newBuilder(server.url().resolve("/api/subscriptions"))
                .POST(HttpRequest.BodyPublishers.ofString("ownerEmail=a")).header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + TOKEN).build();
        assertThat(http.send(notJson, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
        assertThat(send("PATCH", "/api/subscriptions", MOE, true).statusCode()).isEqualTo(405);
        assertThat(send("PUT", "/api/subscriptions/nosuchid", MOE, true).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/subscriptions/nosuchid", null, true).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldUnsubscribeByTokenWithAConfirmationStep() throws Exception {
        String id = json(send("POST", "/api/subscriptions",
                MOE.replace("'MoE'", "'<script>alert(1)</script>'"), true)).get("id").asText();
        String token = store.get(id).orElseThrow().getUnsubscribeToken();

        HttpResponse<String> page = send("GET", "/unsubscribe?token=" + token, null, false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;").doesNotContain("<script>").contains("method=\"post\"");
        assertThat(store.get(id).orElseThrow().getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);

        HttpResponse<String> done = send("POST", "/unsubscribe?token=" + token, null, false);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(store.get(id).orElseThrow().getStatus()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);

        assertThat(send("POST", "/unsubscribe?token=forged", null, false).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldTellListenersOfWritesAndTombstones() throws Exception {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.addListener(new SubscriptionListener() {
            @Override
            public void upserted(Subscription subscription) {
                events.add("upsert " + subscription.getId());
            }

            @Override
            public void removed(String subscriptionId) {
                events.add("remove " + subscriptionId);
            }
        });
        String id = json(send("POST", "/api/subscriptions", MOE, true)).get("id").asText();
        assertThat(events).contains("upsert " + id);
        send("DELETE", "/api/subscriptions/" + id, null, true);
        assertThat(events).endsWith("remove " + id);
    }

    private static ConsumerRecord<String, Subscription> lastRecordOnTopic(String id) {
        try (KafkaConsumer<String, Subscription> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ConsumerRecord<String, Subscription> last = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, Subscription> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(record.key())) {
                        last = record;
                    }
                }
            }
            return last;
        }
    }
}
