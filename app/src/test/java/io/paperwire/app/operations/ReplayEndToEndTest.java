package io.paperwire.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.paperwire.app.Main;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnrichService;
import io.paperwire.ingest.generator.PaperGenerator;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.NotifyService;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperwire replay} on the embedded platform, as docs/replay.md describes it: refused while the app runs;
 * {@code --dry-run} moves nothing; after {@code replay enrich --earliest} every paper is enriched once more, by the new
 * enricher version; after replaying notify too, the alerts are exactly those of the first pass (none twice), while a
 * subscription added in between gets its first alerts from the replayed history.
 */
class ReplayEndToEndTest {

    private static final int PAPERS = 24;
    private static final String SUFFIX = "-replayed";

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseWhileLiveAndReplayWithoutSendingAnAlertTwice() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(Settings.DATA_DIR, dataDir.toString(),
                Settings.KAFKA_PORT, port(), Settings.KAFKA_CONTROLLER_PORT, port(), Settings.REGISTRY_PORT, port(),
                Settings.HTTP_PORT, port()));
        try (Platform platform = Platform.start(config); Admin admin = platform.admin()) {
            ClusterProbe probe = new ClusterProbe(platform.bootstrapServers());
            PaperwireTopics topics = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
            List<String> cluster = List.of("--bootstrap-servers", platform.bootstrapServers(),
                    "--schema-registry-url", platform.schemaRegistryUrl(), "--data-dir", dataDir.toString());
            List<Paper> papers = new PaperGenerator(7).next(PAPERS).stream().map(g -> g.versions().get(0)).toList();
            long csPapers = papers.stream().filter(p -> p.getCategories().stream().anyMatch(c -> c.startsWith("cs."))).count();
            long mathPapers = papers.stream().filter(p -> p.getCategories().stream().anyMatch(c -> c.startsWith("math."))).count();
            assertThat(csPapers).as("the generated sample has computer-science papers").isPositive();

            String enrichGroup;
            String notifyGroup;
            try (EnrichService enrich = EnrichRunner.start(platform);
                 NotifyService notify = NotifyRunner.start(platform, NotifyRunner.config(platform))) {
                enrichGroup = EnrichRunner.config(platform).applicationId();
                notifyGroup = NotifyRunner.config(platform).applicationId();
                notify.subscriptions().put(subscription("cs", "categories:cs.*"));
                publish(platform, topics.published(), papers);
                awaitCaughtUp(probe, admin, enrichGroup, platform.topicNames().published(), notifyGroup,
                        platform.topicNames().enriched());
                assertThat(probe.readAll(topics.enriched())).hasSize(PAPERS);
                assertThat(probe.readAll(topics.alerts())).hasSize((int) csPapers);

                Run refused = run(cluster, "replay", "enrich", "--earliest");
                assertThat(refused.status()).isEqualTo(1);
                assertThat(refused.err()).contains("refusing to replay " + enrichGroup).contains("live member");
                Run refusedNotify = run(cluster, "replay", "notify", "--from", "2026-01-01");
                assertThat(refusedNotify.status()).isEqualTo(1);
                assertThat(refusedNotify.err()).contains("refusing to replay " + notifyGroup);
            }

            Run dryRun = run(cluster, "replay", "enrich", "--earliest", "--dry-run");
            assertThat(dryRun.status()).as(dryRun.err()).isZero();
            assertThat(dryRun.out()).contains("papers.published-0").contains("dry run: nothing changed.");
            assertThat(probe.caughtUp(admin, enrichGroup, List.of(platform.topicNames().published())))
                    .as("a dry run moves nothing").isTrue();

            Run enrichReplay = run(cluster, "replay", "enrich", "--earliest");
            assertThat(enrichReplay.status()).as(enrichReplay.err()).isZero();
            assertThat(enrichReplay.out()).contains(PAPERS + " offset(s) to read again").contains("state: kept");
            Path offsets = dataDir.resolve("offsets.csv");
            Files.writeString(offsets, "# every partition of papers.enriched from its start\n"
                    + Stream.of(0, 1, 2).map(p -> platform.topicNames().enriched() + "," + p + ",0\n")
                    .reduce("", String::concat));
            Run notifyReplay = run(cluster, "replay", "notify", "--to-offset-file", offsets.toString());
            assertThat(notifyReplay.status()).as(notifyReplay.err()).isZero();
            assertThat(notifyReplay.out()).contains("papers.enriched-0").contains(" -> 0  (log 0..")
                    .doesNotContain(" -> 0  (log 0..0,");

            PaperwireConfig replayConfig = config.with(Settings.BOOTSTRAP_SERVERS, platform.bootstrapServers())
                    .with(Settings.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl())
                    .with("enrich." + EnrichConfig.VERSION_SUFFIX, SUFFIX);
            try (Platform connected = Platform.start(replayConfig);
                 EnrichService enrich = EnrichRunner.start(connected);
                 NotifyService notify = NotifyRunner.start(connected, NotifyRunner.config(connected))) {
                notify.subscriptions().put(subscription("math", "categories:math.*"));
                awaitCaughtUp(probe, admin, enrichGroup, platform.topicNames().published(), notifyGroup,
                        platform.topicNames().enriched());
                List<EnrichedPaper> enriched = probe.readAll(topics.enriched()).stream().map(ConsumerRecord::value).toList();
                assertThat(enriched).hasSize(2 * PAPERS);
                assertThat(enriched.stream().filter(e -> e.getEnricherVersion().endsWith(SUFFIX)))
                        .as("every paper re-enriched once, by the new enricher version").hasSize(PAPERS)
                        .extracting(e -> e.getPaper().getKey()).doesNotHaveDuplicates();
                List<Alert> alerts = probe.readAll(topics.alerts()).stream().map(ConsumerRecord::value).toList();
                assertThat(alerts.stream().filter(a -> a.getSubscriptionId().equals("cs")))
                        .as("no alert twice for the first subscription").hasSize((int) csPapers);
                assertThat(alerts.stream().filter(a -> a.getSubscriptionId().equals("math")))
                        .as("the new subscription matched the replayed history once per paper")
                        .hasSize((int) mathPapers);
            }
        }
    }

    private static void awaitCaughtUp(ClusterProbe probe, Admin admin, String enrichGroup, String published,
                                      String notifyGroup, String enriched) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.caughtUp(admin, enrichGroup, List.of(published)) && probe.caughtUp(admin, notifyGroup, List.of(enriched)));
    }

    private static void publish(Platform platform, Topic<String, Paper> topic, List<Paper> papers) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (Paper paper : papers) {
                producer.send(new ProducerRecord<>(topic.name(), paper.getKey(), paper));
            }
            producer.flush();
        }
    }

    static Subscription subscription(String id, String query) {
        Instant now = Instant.now();
        return Subscription.newBuilder().setId(id).setOwnerEmail(id + "@example.org").setName("subscription " + id)
                .setQuery(query).setStatus(SubscriptionStatus.ACTIVE).setUnsubscribeToken("token-" + id + "-0123456789")
                .setCreatedAt(now).setUpdatedAt(now).build();
    }

    record Run(int status, String out, String err) {
    }

    static Run run(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    static String port() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
