package io.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.observability.PaperwireMetrics;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.DeliveryRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.notify.NotifyService;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live feeds as {@code paperwire up} serves them: an enriched paper that matches a subscription reaches a
 * connected Server-Sent Events client and the subscription's Atom feed, and an .eml mail is written.
 */
class LiveFeedsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldStreamAMatchToSseAndListItInTheAtomFeed() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(Settings.DATA_DIR, dataDir.toString(),
                Settings.KAFKA_PORT, port(), Settings.KAFKA_CONTROLLER_PORT, port(), Settings.REGISTRY_PORT, port(),
                Settings.HTTP_PORT, port()));
        try (Platform platform = Platform.start(config);
             PaperwireMetrics metrics = PaperwireMetrics.create();
             NotifyService notify = NotifyRunner.start(platform, NotifyRunner.config(platform));
             DeliveryRunner delivery = DeliveryRunner.start(platform, notify, notify.http().url(), metrics)) {
            Instant now = Instant.now();
            notify.subscriptions().put(Subscription.newBuilder()
                    .setId("moe").setOwnerEmail("reader@example.org").setName("Experts")
                    .setQuery("title:experts").setEmailInstant(true).setUnsubscribeToken("t0k3n-t0k3n-t0k3n")
                    .setCreatedAt(now).setUpdatedAt(now).build());

            URI base = URI.create(notify.http().url().toString().replaceAll("/$", ""));
            List<String> events = new CopyOnWriteArrayList<>();
            List<String> queried = new CopyOnWriteArrayList<>();
            List<String> queriedElsewhere = new CopyOnWriteArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<Void> stream = open(http, URI.create(base + "/api/feed/stream?subscription=moe"), events);
            CompletableFuture<Void> byQuery = open(http, URI.create(base + "/api/feed/stream?query="
                    + URLEncoder.encode("title:experts AND categories:cs.*", StandardCharsets.UTF_8)), queried);
            CompletableFuture<Void> byOtherQuery = open(http, URI.create(base + "/api/feed/stream?query="
                    + URLEncoder.encode("categories:physics.*", StandardCharsets.UTF_8)), queriedElsewhere);
            HttpResponse<String> badQuery = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/feed/stream?query=" + URLEncoder.encode("colour:red", StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(badQuery.statusCode()).isEqualTo(400);
            assertThat(badQuery.body()).contains("bad query").contains("colour");

            Topic<String, EnrichedPaper> enriched = PaperwireTopics.fromConfig(platform.topicNames(),
                    platform.serdeConfig()).enriched();
            Paper paper = PlatformEndToEndTest.samplePaper();
            EnrichedPaper enrichedPaper = EnrichedPaper.newBuilder().setPaper(paper)
                    .setKeywords(List.of(new Keyword("mixture of experts", "mixtur of expert", 1.0)))
                    .setEnricherVersion("test").setEnrichedAt(now).build();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    enriched.keySerde().serializer(), enriched.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(enriched.name(), paper.getKey(), enrichedPaper)).get();
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> events.stream().anyMatch(l -> l.startsWith("event: alert"))
                    && queried.stream().anyMatch(l -> l.startsWith("event: alert")));
            assertThat(String.join("\n", events)).contains(paper.getKey());
            assertThat(String.join("\n", queried)).contains(paper.getKey());
            assertThat(queriedElsewhere).as("a stream whose query the paper does not match")
                    .noneMatch(l -> l.startsWith("event: alert"));

            HttpResponse<String> atom = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/moe.atom")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(atom.statusCode()).isEqualTo(200);
            assertThat(atom.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("atom+xml"));
            assertThat(atom.body()).contains("<entry>").contains("arxiv.org/abs/2611.00042")
                    .doesNotContain("<script>"); // the title's markup is escaped
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/nobody.atom")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(delivery.mailDirectory()).isPresent();
            stream.cancel(true);
            byQuery.cancel(true);
            byOtherQuery.cancel(true);
        }
    }

    /** Reads a Server-Sent Events stream into {@code lines} until the server closes it. */
    private static CompletableFuture<Void> open(HttpClient http, URI uri, List<String> lines) {
        return http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException closed) {
                        // the server closed the stream at shutdown
                    }
                });
    }

    private static String port() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
