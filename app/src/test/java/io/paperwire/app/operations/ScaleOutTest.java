package io.paperwire.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.enrich.EnrichConfig;
import io.paperwire.ingest.generator.PaperGenerator;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out as docs/scaling.md describes it: two {@code paperwire run enrich} and two {@code paperwire run notify}
 * processes (separate JVMs, as on separate machines) share the partitions of one embedded broker; one of each is
 * killed (SIGKILL: no clean close, an open transaction left behind) while papers keep arriving. The survivors take
 * over its partitions, and a {@code read_committed} reader sees every paper enriched exactly once and every
 * (subscription, paper) alerted exactly once.
 */
class ScaleOutTest {

    private static final int BEFORE = 30;
    private static final int DURING = 60;

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void shouldHandAKilledInstancesPartitionsToTheOtherWithNothingLostOrDuplicated() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(Settings.DATA_DIR, dataDir.resolve("platform").toString(),
                Settings.KAFKA_PORT, ReplayEndToEndTest.port(), Settings.KAFKA_CONTROLLER_PORT, ReplayEndToEndTest.port(),
                Settings.REGISTRY_PORT, ReplayEndToEndTest.port()));
        try (Platform platform = Platform.start(config); Admin admin = platform.admin()) {
            ClusterProbe probe = new ClusterProbe(platform.bootstrapServers());
            PaperwireTopics topics = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
            List<Paper> papers = new PaperGenerator(11).next(BEFORE + DURING).stream()
                    .map(g -> g.versions().get(0)).toList();
            long csPapers = papers.stream()
                    .filter(p -> p.getCategories().stream().anyMatch(c -> c.startsWith("cs."))).count();

            Path settings = dataDir.resolve("fast-failover.properties");
            // A killed member is noticed after its session times out; the broker's minimum is 6 s.
            Files.writeString(settings, """
                    enrich.session.timeout.ms=6000
                    enrich.heartbeat.interval.ms=1500
                    notify.session.timeout.ms=6000
                    notify.heartbeat.interval.ms=1500
                    """);
            Process enrichA = start(platform, settings, "enrich", "a");
            Process enrichB = start(platform, settings, "enrich", "b");
            Process notifyA = start(platform, settings, "notify", "a");
            Process notifyB = start(platform, settings, "notify", "b");
            String enrichGroup = EnrichConfig.DEFAULT_APPLICATION_ID;
            String notifyGroup = NotifyConfig.DEFAULT_APPLICATION_ID;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    everyInstanceOwnsPartitions(admin, enrichGroup, 2) && everyInstanceOwnsPartitions(admin, notifyGroup, 2));

            try (var producer = producer(platform, topics.subscriptions())) {
                producer.send(new ProducerRecord<>(topics.subscriptions().name(), "cs",
                        ReplayEndToEndTest.subscription("cs", "categories:cs.*"))).get();
            }
            try (var producer = producer(platform, topics.published())) {
                for (Paper paper : papers.subList(0, BEFORE)) {
                    producer.send(new ProducerRecord<>(topics.published().name(), paper.getKey(), paper));
                }
            }
            awaitCaughtUp(probe, admin, platform);

            try (var producer = producer(platform, topics.published())) {
                for (int i = BEFORE; i < BEFORE + DURING; i++) {
                    Paper paper = papers.get(i);
                    producer.send(new ProducerRecord<>(topics.published().name(), paper.getKey(), paper)).get();
                    if (i == BEFORE + DURING / 3) {
                        enrichA.destroyForcibly().waitFor();
                        notifyA.destroyForcibly().waitFor();
                    }
                }
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    everyInstanceOwnsPartitions(admin, enrichGroup, 1) && everyInstanceOwnsPartitions(admin, notifyGroup, 1));
            awaitCaughtUp(probe, admin, platform);
            assertThat(enrichB.isAlive()).isTrue();
            assertThat(notifyB.isAlive()).isTrue();

            List<EnrichedPaper> enriched = probe.readAll(topics.enriched()).stream().map(ConsumerRecord::value).toList();
            assertThat(enriched).as("every paper enriched exactly once").hasSize(BEFORE + DURING)
                    .extracting(e -> e.getPaper().getKey()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(papers.stream().map(Paper::getKey).toList());
            List<Alert> alerts = probe.readAll(topics.alerts()).stream().map(ConsumerRecord::value).toList();
            assertThat(alerts).as("every matching paper alerted exactly once").hasSize((int) csPapers)
                    .extracting(Alert::getPaperKey).doesNotHaveDuplicates();
        }
    }

    private void awaitCaughtUp(ClusterProbe probe, Admin admin, Platform platform) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                probe.caughtUp(admin, EnrichConfig.DEFAULT_APPLICATION_ID, List.of(platform.topicNames().published()))
                        && probe.caughtUp(admin, NotifyConfig.DEFAULT_APPLICATION_ID,
                        List.of(platform.topicNames().enriched())));
    }

    /**
     * Whether the group has exactly {@code instances} instances (processes; each runs one consumer per stream thread,
     * named {@code <application.id>-<process id>-StreamThread-N-consumer}) and each owns some partitions.
     */
    private boolean everyInstanceOwnsPartitions(Admin admin, String group, int instances) throws Exception {
        processes.forEach(p -> assertThat(p.isAlive() || p.exitValue() == 137)
                .as("a paperwire process failed; see " + dataDir + "/*/stderr.txt").isTrue());
        List<MemberDescription> live;
        try {
            live = List.copyOf(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return false;
            }
            throw e;
        }
        Map<String, Integer> partitionsByInstance = new java.util.HashMap<>();
        for (MemberDescription member : live) {
            String clientId = member.clientId();
            int thread = clientId.indexOf("-StreamThread-");
            String instance = thread < 0 ? clientId : clientId.substring(0, thread);
            partitionsByInstance.merge(instance, member.assignment().topicPartitions().size(), Integer::sum);
        }
        return partitionsByInstance.size() == instances && partitionsByInstance.values().stream().allMatch(n -> n > 0);
    }

    private static <V> KafkaProducer<String, V> producer(Platform platform, Topic<String, V> topic) {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Starts {@code paperwire run SERVICE} in its own JVM against the platform, with its own state and port. */
    private Process start(Platform platform, Path settings, String service, String instance) throws IOException {
        Path home = Files.createDirectories(dataDir.resolve(service + "-" + instance));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "io.paperwire.app.Main",
                "run", service, "--config", settings.toString(),
                "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url", platform.schemaRegistryUrl(),
                "--data-dir", home.toString(), "--http-port", ReplayEndToEndTest.port());
        Process process = new ProcessBuilder(command)
                .redirectOutput(home.resolve("stdout.txt").toFile())
                .redirectError(home.resolve("stderr.txt").toFile())
                .start();
        processes.add(process);
        return process;
    }
}
