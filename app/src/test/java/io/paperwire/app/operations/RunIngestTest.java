package io.paperwire.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.ingest.generator.GeneratedFormats;
import io.paperwire.ingest.generator.GeneratedPaper;
import io.paperwire.ingest.generator.PaperGenerator;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperwire run ingest} as a service of its own: with {@code ingest.watch.dir} (set through the environment) it
 * publishes the papers of the files in that directory, in its own JVM, until SIGTERM; with no source configured it
 * says, before connecting anywhere, what to set.
 */
class RunIngestTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseToRunWithNothingToHarvest() {
        ReplayEndToEndTest.Run run = ReplayEndToEndTest.run(List.of("--bootstrap-servers", "localhost:1",
                "--schema-registry-url", "http://localhost:1", "--data-dir", dataDir.toString()), "run", "ingest");
        // The configuration is checked before connecting: no broker is needed to say what is missing.
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("paperwire run ingest: configuration: nothing to harvest: set "
                + "ingest.feed.archives, ingest.hf-daily.enabled or ingest.watch.dir");
    }

    @Test
    void shouldHarvestTheWatchedDirectoryUntilStopped() throws Exception {
        PaperwireConfig config = PaperwireConfig.of(Map.of(Settings.DATA_DIR, dataDir.resolve("platform").toString(),
                Settings.KAFKA_PORT, ReplayEndToEndTest.port(), Settings.KAFKA_CONTROLLER_PORT, ReplayEndToEndTest.port(),
                Settings.REGISTRY_PORT, ReplayEndToEndTest.port()));
        try (Platform platform = Platform.start(config)) {
            Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
            List<GeneratedPaper> papers = new PaperGenerator(5).next(12);
            try (OutputStream out = Files.newOutputStream(inbox.resolve("papers.jsonl"))) {
                GeneratedFormats.writeSnapshotJsonLines(papers, out);
            }
            Path home = Files.createDirectories(dataDir.resolve("ingest"));
            ProcessBuilder ingest = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.paperwire.app.Main",
                    "run", "ingest", "--bootstrap-servers", platform.bootstrapServers(),
                    "--schema-registry-url", platform.schemaRegistryUrl(), "--data-dir", home.toString())
                    .redirectOutput(home.resolve("stdout.txt").toFile())
                    .redirectError(home.resolve("stderr.txt").toFile());
            ingest.environment().put("PAPERWIRE_INGEST_WATCH_DIR", inbox.toString());
            Process process = ingest.start();
            try {
                ClusterProbe probe = new ClusterProbe(platform.bootstrapServers());
                var published = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig()).published();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> probe.readAll(published).size() >= papers.size());
                assertThat(probe.readAll(published)).extracting(ConsumerRecord::value).extracting(Paper::getKey)
                        .containsExactlyInAnyOrderElementsOf(papers.stream().map(g -> g.latest().getKey()).toList());
                process.destroy();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(Files.readString(home.resolve("stderr.txt"))).isIn(0, 143);
                assertThat(Files.readString(home.resolve("stdout.txt"))).contains("ingest running against");
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
