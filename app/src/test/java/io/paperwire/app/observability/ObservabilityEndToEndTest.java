package io.paperwire.app.observability;

import static io.paperwire.app.observability.PrometheusText.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.DeliveryRunner;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.enrich.EnrichService;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSources;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.generator.GeneratedFormats;
import io.paperwire.ingest.generator.PaperGenerator;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.notify.NotifyService;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import io.paperwire.schemas.PaperLinks;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator endpoints of a process running enrich, notify and delivery on the embedded broker and registry:
 * papers and one undecodable record go in; {@code /metrics} counts them (enriched, matched, dead letters, email
 * deliveries) next to the JVM and Kafka metrics; {@code /ready} is 200 while every Streams app runs and 503, naming
 * the check, once enrich is closed; {@code /health} stays 200.
 */
class ObservabilityEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldCountPapersDeadLettersAndDeliveriesAndReportReadiness() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(Settings.DATA_DIR, dataDir.toString(),
                Settings.KAFKA_PORT, port(), Settings.KAFKA_CONTROLLER_PORT, port(), Settings.REGISTRY_PORT, port(),
                Settings.HTTP_PORT, port()));
        try (Platform platform = Platform.start(config);
             Observability observability = Observability.start(platform);
             EnrichService enrich = observability.watch(EnrichRunner.start(platform));
             NotifyService notify = observability.watch(NotifyRunner.start(platform, NotifyRunner.config(platform)));
             DeliveryRunner delivery = DeliveryRunner.start(platform, notify, notify.http().url(),
                     observability.metrics())) {
            URI base = observability.serve(Optional.of(notify));
            await().atMost(WAIT).until(() -> get(base, "/ready").statusCode() == 200);
            HttpResponse<String> ready = get(base, "/ready");
            assertThat(ready.body()).contains("\"status\":\"ready\"").contains("\"broker\"").contains("\"registry\"")
                    .contains("\"streams:enrich\"").contains("\"streams:notify\"");

            Instant now = Instant.now();
            notify.subscriptions().put(Subscription.newBuilder()
                    .setId("quasars").setOwnerEmail("reader@example.org").setName("Quasars")
                    .setQuery("title:quasar").setEmailInstant(true).setUnsubscribeToken("t0k3n-t0k3n-t0k3n")
                    .setCreatedAt(now).setUpdatedAt(now).build());

            List<Paper> papers = List.of(
                    paper("2611.00101", "A quasar survey of the southern sky"),
                    paper("2611.00102", "Variability of every quasar in a deep field"),
                    paper("2611.00103", "The quasar luminosity function at high redshift"),
                    paper("2611.00104", "Sparse routing of tokens to experts"));
            Topic<String, Paper> published = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig())
                    .published();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    published.keySerde().serializer(), published.valueSerde().serializer());
                 var raw = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (Paper paper : papers) {
                    producer.send(new ProducerRecord<>(published.name(), paper.getKey(), paper)).get();
                }
                raw.send(new ProducerRecord<>(published.name(), "arxiv:broken".getBytes(StandardCharsets.UTF_8),
                        "this is not an Avro paper".getBytes(StandardCharsets.UTF_8))).get();
            }

            await().atMost(WAIT).untilAsserted(() -> {
                String scrape = get(base, "/metrics").body();
                assertThat(sample(scrape, "paperwire_papers_enriched_total")).hasValue(4.0);
                assertThat(sample(scrape, "paperwire_dead_letters_total", Map.of("stage", "enrich"))).hasValue(1.0);
                assertThat(sample(scrape, "paperwire_papers_matched_total")).hasValue(3.0);
                assertThat(sample(scrape, "paperwire_deliveries_total", Map.of("channel", "email", "outcome", "sent")))
                        .hasValue(3.0);
                assertThat(sample(scrape, "paperwire_consumer_lag_records", Map.of("app", "enrich"))).hasValue(0.0);
            });
            // The lag gauge reads the per-partition lag of enrich's main consumer: one metric per input partition.
            assertThat(enrich.streams().metrics().keySet().stream().filter(PaperwireMetrics.mainConsumerLag()).count())
                    .isGreaterThanOrEqualTo(3);
            HttpResponse<String> metrics = get(base, "/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            String scrape = metrics.body();
            assertThat(sample(scrape, "paperwire_dead_letters_total", Map.of("stage", "notify"))).hasValue(0.0);
            assertThat(sample(scrape, "paperwire_dead_letters_total", Map.of("stage", "delivery"))).hasValue(0.0);
            assertThat(sample(scrape, "paperwire_deliveries_total", Map.of("channel", "email", "outcome", "failed")))
                    .hasValue(0.0);
            assertThat(sample(scrape, "paperwire_streams_running", Map.of("app", "notify"))).hasValue(1.0);
            assertThat(sample(scrape, "paperwire_digest_matches_held")).hasValue(3.0);
            assertThat(sample(scrape, "paperwire_deliveries_queued", Map.of("channel", "email"))).isPresent();
            assertThat(sample(scrape, "jvm_memory_used_bytes", Map.of("area", "heap")).orElse(0)).isPositive();
            assertThat(sample(scrape, "jvm_threads_live_threads").orElse(0)).isPositive();
            assertThat(sample(scrape, "jvm_gc_max_data_size_bytes")).isPresent();
            assertThat(scrape).contains("kafka_stream_").contains("app=\"enrich\"");

            assertThat(get(base, "/health").statusCode()).isEqualTo(200);
            enrich.close();
            HttpResponse<String> notReady = get(base, "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\":\"not ready\"").contains("\"failed\":[\"streams:enrich\"]");
            assertThat(get(base, "/health").statusCode()).isEqualTo(200);
            assertThat(sample(get(base, "/metrics").body(), "paperwire_streams_running", Map.of("app", "enrich")))
                    .hasValue(0.0);
        }
    }

    @Test
    void shouldServeAnIngestProcessOnItsOwnServerAndNameTheBrokerAndRegistryWhenTheyAreGone() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(Settings.DATA_DIR, dataDir.toString(),
                Settings.KAFKA_PORT, port(), Settings.KAFKA_CONTROLLER_PORT, port(), Settings.REGISTRY_PORT, port(),
                Settings.HTTP_PORT, port()));
        Platform embedded = Platform.start(config);
        try {
            // A second process on the same cluster, as "paperwire run ingest" would be: no notify, so its own server.
            PaperwireConfig connected = config.with(Settings.BOOTSTRAP_SERVERS, embedded.bootstrapServers())
                    .with(Settings.SCHEMA_REGISTRY_URL, embedded.schemaRegistryUrl())
                    .with(Settings.HTTP_PORT, port());
            try (Platform platform = Platform.start(connected);
                 Observability observability = Observability.start(platform)) {
                URI base = observability.serve(Optional.empty());
                assertThat(base.getPort()).isEqualTo(Integer.parseInt(connected.require(Settings.HTTP_PORT)));

                // As a probe would: ready once the admin client has reached the broker (slow on a busy machine).
                await().atMost(WAIT).until(() -> get(base, "/ready").statusCode() == 200);
                HttpResponse<String> ready = get(base, "/ready");
                assertThat(ready.body()).contains("\"broker\":{\"ok\":true").contains("\"registry\":{\"ok\":true");
                assertThat(sample(get(base, "/metrics").body(), "jvm_memory_used_bytes", Map.of("area", "heap")))
                        .isPresent();

                // Ingest through the counting listener: the counter equals what the run says it published.
                Path sample = dataDir.resolve("sample.jsonl");
                try (var out = java.nio.file.Files.newOutputStream(sample)) {
                    GeneratedFormats.writeSnapshotJsonLines(new PaperGenerator(7).next(5), out);
                }
                IngestSources sources = new IngestSources(PoliteHttpClient.create(HttpSettings.defaults()),
                        ParserSettings.defaults(), java.time.Clock.systemUTC());
                IngestSummary summary;
                try (IngestRuntime ingest = IngestRuntime.connect(IngestOptions.defaults(platform.bootstrapServers())
                        .withTransactionalId("observability-test-ingest"),
                        IngestTopics.from(PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig())),
                        observability.ingestListener(IngestListener.silent()))) {
                    summary = ingest.run(List.of(sources.files(FileSource.Settings.of(List.of(sample), false))));
                }
                assertThat(summary.total().published()).isEqualTo(5);
                assertThat(sample(get(base, "/metrics").body(), "paperwire_papers_ingested_total")).hasValue(5.0);

                embedded.close();
                HttpResponse<String> gone = get(base, "/ready");
                assertThat(gone.statusCode()).isEqualTo(503);
                assertThat(gone.body()).contains("\"failed\":[\"broker\",\"registry\"]");
                assertThat(get(base, "/health").statusCode()).isEqualTo(200);
            }
        } finally {
            embedded.close();
        }
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Paper paper(String arxivId, String title) {
        Instant at = Instant.parse("2026-11-27T20:00:00Z");
        return Paper.newBuilder()
                .setKey("arxiv:" + arxivId).setKind(PaperEventKind.NEW_PAPER).setSource("test").setArxivId(arxivId)
                .setVersion(1).setTitle(title)
                .setAbstractText("We observe the sky with a new instrument and report what we find.")
                .setAuthors(List.of(new Author("A. N. Other", null)))
                .setCategories(List.of("astro-ph.GA")).setPrimaryCategory("astro-ph.GA")
                .setLinks(new PaperLinks("https://arxiv.org/abs/" + arxivId, "https://arxiv.org/pdf/" + arxivId + "v1"))
                .setFirstPublishedAt(at).setVersionPublishedAt(at).setIngestedAt(at.plusSeconds(5))
                .build();
    }

    private static String port() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
