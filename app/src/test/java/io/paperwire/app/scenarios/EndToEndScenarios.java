package io.paperwire.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end scenarios, written once; each subclass runs them on one {@link Stack}. Every scenario gets a fresh
 * stack and a GreenMail SMTP server; paperwire's services run on the stack through {@code app}'s runners
 * ({@link PaperwireServices}), configured as for any existing cluster. Counts are read {@code read_committed}.
 *
 * <p>The scenarios: ingest → enrich → notify → email; enrich killed mid-stream and started again; a replay of both
 * apps (re-enriched, no alert or mail twice). A new scenario is a {@code @Test} method here: {@link #stack} and
 * {@link #config} give what it needs.
 */
abstract class EndToEndScenarios {

    /** Enough papers that a kill after enrich's first commit comes in the middle of them (see the crash scenario). */
    private static final int PAPERS_BEFORE_CRASH = 200;
    private static final int PAPERS_AFTER_CRASH = 25;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    Stack stack;
    GreenMail mail;

    /** Starts the stack of this run (after any assumption about whether it can run here). */
    abstract Stack startStack(Path dir);

    @BeforeEach
    void startStackAndMailServer() throws IOException {
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        stack = startStack(dir.resolve("stack"));
    }

    @AfterEach
    void stopStackAndMailServer() {
        if (stack != null) {
            stack.close();
        }
        mail.stop();
    }

    /**
     * paperwire on this stack, mail to GreenMail, short commit intervals (the scenarios wait for output) and a short
     * session timeout (a killed member's partitions move on within seconds).
     */
    PaperwireConfig config() throws IOException {
        Map<String, String> settings = new TreeMap<>();
        settings.put(Settings.HOST, "127.0.0.1");
        settings.put(Settings.HTTP_PORT, String.valueOf(freePort()));
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        settings.put("mail.smtp.starttls", "false");
        for (String service : List.of("enrich.", "notify.")) {
            settings.put(service + "commit.interval.ms", "100");
            settings.put(service + "consumer.session.timeout.ms", "6000");
            settings.put(service + "consumer.heartbeat.interval.ms", "1500");
        }
        return stack.paperwireConfig(dir.resolve("paperwire"), settings);
    }

    @Test
    void shouldAlertAndMailEachMatchingSubscriberOncePerPaperFromIngestThroughEnrichAndNotify() throws Exception {
        PaperFixture fixture = new PaperFixture(15);
        try (PaperwireServices services = PaperwireServices.on(config()).startEnrich().startNotify()) {
            fixture.subscriptions().forEach(services.notifyService().subscriptions()::put);
            PaperwireTopics topics = services.topics();
            fixture.ingest(stack.bootstrapServers(), topics, fixture.write(dir.resolve("papers")), fixture.papers());

            try (CommittedRecords<String, EnrichedPaper> enriched = new CommittedRecords<>(stack.bootstrapServers(), topics.enriched());
                 CommittedRecords<String, Alert> alerts = new CommittedRecords<>(stack.bootstrapServers(), topics.alerts())) {
                await().atMost(PATIENCE).until(() -> enriched.poll().size() >= fixture.papers()
                        && alertPairs(alerts.values()).size() >= fixture.expectedAlerts().size());
                assertThat(keys(enriched.poll())).hasSize(fixture.papers()).doesNotHaveDuplicates();
                assertThat(alertPairs(alerts.values())).containsExactlyElementsOf(fixture.expectedAlerts());
            }
            awaitMails(fixture);
            assertThat(services.enrich().orElseThrow().failure()).isEmpty();
        }
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenEnrichIsKilledMidStreamAndStartedAgain() throws Exception {
        PaperFixture fixture = new PaperFixture(PAPERS_BEFORE_CRASH + PAPERS_AFTER_CRASH);
        PaperwireConfig config = config();
        try (PaperwireServices services = PaperwireServices.on(config).startNotify();
             CommittedRecords<String, EnrichedPaper> enriched = new CommittedRecords<>(stack.bootstrapServers(),
                     services.topics().enriched());
             CommittedRecords<String, Alert> alerts = new CommittedRecords<>(stack.bootstrapServers(),
                     services.topics().alerts())) {
            fixture.subscriptions().forEach(services.notifyService().subscriptions()::put);
            PaperwireTopics topics = services.topics();
            Path papers = fixture.write(dir.resolve("papers"));
            List<Path> batches = split(papers, PAPERS_BEFORE_CRASH);
            fixture.ingest(stack.bootstrapServers(), topics, batches.get(0), PAPERS_BEFORE_CRASH);

            // enrich as its own process (`paperwire run enrich`, as in docker-compose.yml), killed after its first
            // commit: no close, no commit, its open transaction left for the broker to abort.
            int committedAtCrash;
            // Its own HTTP port: it serves /metrics and /ready, and the test's notify holds the configured one.
            PaperwireConfig childConfig = config.with(Settings.HTTP_PORT, String.valueOf(freePort()));
            try (PaperwireProcess child = PaperwireProcess.start(childConfig, dir.resolve("enrich-process"), "run",
                    "enrich")) {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                        .failFast("enrich process ended", () -> !child.isAlive())
                        .until(() -> !enriched.poll().isEmpty());
                child.kill();
                committedAtCrash = enriched.poll().size();
            }
            System.out.printf("enrich killed with %d of %d enriched events committed%n", committedAtCrash,
                    PAPERS_BEFORE_CRASH);
            assertThat(committedAtCrash).as("the kill comes in the middle of the first papers")
                    .isLessThan(PAPERS_BEFORE_CRASH);

            // More papers arrive while enrich is down; then enrich starts again on the same state directory.
            fixture.ingest(stack.bootstrapServers(), topics, batches.get(1), PAPERS_AFTER_CRASH);
            services.startEnrich();
            await().atMost(PATIENCE).until(() -> enriched.poll().size() >= fixture.papers()
                    && alertPairs(alerts.values()).size() >= fixture.expectedAlerts().size());
            awaitMails(fixture);

            // Nothing lost, nothing twice: one enriched event per paper, one alert per (subscription, paper).
            assertThat(keys(enriched.poll())).hasSize(fixture.papers()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(allKeys(fixture));
            assertThat(alerts.values()).hasSize(fixture.expectedAlerts().size());
            assertThat(alertPairs(alerts.values())).containsExactlyElementsOf(fixture.expectedAlerts());
            assertThat(services.enrich().orElseThrow().failure()).isEmpty();
        }
    }

    @Test
    void shouldReEnrichOnReplayAndAlertAndMailNoOneTwice() throws Exception {
        PaperFixture fixture = new PaperFixture(15);
        PaperwireConfig config = config();
        try (PaperwireServices services = PaperwireServices.on(config).startEnrich().startNotify();
             CommittedRecords<String, EnrichedPaper> enriched = new CommittedRecords<>(stack.bootstrapServers(),
                     services.topics().enriched());
             CommittedRecords<String, Alert> alerts = new CommittedRecords<>(stack.bootstrapServers(),
                     services.topics().alerts())) {
            fixture.subscriptions().forEach(services.notifyService().subscriptions()::put);
            fixture.ingest(stack.bootstrapServers(), services.topics(), fixture.write(dir.resolve("papers")),
                    fixture.papers());
            await().atMost(PATIENCE).until(() -> enriched.poll().size() >= fixture.papers()
                    && alertPairs(alerts.values()).size() >= fixture.expectedAlerts().size());
            awaitMails(fixture);
        }

        // Both apps stopped: replay them from the start through the command line, as docs/replay.md shows.
        Path settings = dir.resolve("paperwire.properties");
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(config.asMap());
        try (var out = java.nio.file.Files.newBufferedWriter(settings)) {
            properties.store(out, "the scenario's configuration");
        }
        for (String app : List.of("enrich", "notify")) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int status = io.paperwire.app.Main.run(new String[] {"replay", app, "--earliest", "--config",
                settings.toString()}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertThat(status).as(app + ": " + err).isZero();
            assertThat(out.toString()).contains("offsets moved");
        }

        PaperwireConfig reEnriching = config.with("enrich.paperwire.enrich.version.suffix", "-replayed");
        try (PaperwireServices services = PaperwireServices.on(reEnriching).startEnrich().startNotify();
             CommittedRecords<String, EnrichedPaper> enriched = new CommittedRecords<>(stack.bootstrapServers(),
                     services.topics().enriched());
             CommittedRecords<String, Alert> alerts = new CommittedRecords<>(stack.bootstrapServers(),
                     services.topics().alerts());
             var admin = services.platform().admin()) {
            await().atMost(PATIENCE).until(() -> enriched.poll().size() >= 2 * fixture.papers()
                    && caughtUp(admin, "paperwire-notify", services.topics().enriched().name()));
            List<EnrichedPaper> all = enriched.poll().stream().map(ConsumerRecord::value).toList();
            assertThat(all).hasSize(2 * fixture.papers());
            assertThat(all.stream().filter(e -> e.getEnricherVersion().endsWith("-replayed")))
                    .as("every paper re-enriched once, by the new enricher version").hasSize(fixture.papers());
            assertThat(alertPairs(alerts.values())).as("no alert twice")
                    .containsExactlyElementsOf(fixture.expectedAlerts());
            assertThat(mailSubjectsByRecipient()).as("no mail twice").isEqualTo(fixture.expectedMailSubjects());
        }
    }

    /** Whether {@code group} has committed the end offset of every non-empty partition of {@code topic}. */
    private static boolean caughtUp(org.apache.kafka.clients.admin.Admin admin, String group, String topic)
            throws Exception {
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        var request = new java.util.HashMap<org.apache.kafka.common.TopicPartition,
                org.apache.kafka.clients.admin.OffsetSpec>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(p ->
                request.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
    }

    /** Waits until GreenMail holds the expected mails, then checks there is exactly one per alert, no more. */
    private void awaitMails(PaperFixture fixture) throws MessagingException {
        Map<String, List<String>> expected = fixture.expectedMailSubjects();
        int total = expected.values().stream().mapToInt(List::size).sum();
        await().atMost(PATIENCE).until(() -> mail.getReceivedMessages().length >= total);
        assertThat(mailSubjectsByRecipient()).isEqualTo(expected);
    }

    private Map<String, List<String>> mailSubjectsByRecipient() throws MessagingException {
        Map<String, List<String>> subjects = new TreeMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            subjects.computeIfAbsent(to, k -> new ArrayList<>()).add(message.getSubject());
        }
        subjects.values().forEach(list -> list.sort(null));
        return new TreeMap<>(subjects);
    }

    private static Set<String> alertPairs(List<Alert> alerts) {
        List<String> pairs = alerts.stream().map(a -> a.getSubscriptionId() + " / " + a.getPaperKey()).toList();
        Set<String> distinct = new TreeSet<>(pairs);
        assertThat(pairs).as("one alert per (subscription, paper)").hasSameSizeAs(distinct);
        return distinct;
    }

    private static List<String> keys(List<ConsumerRecord<String, EnrichedPaper>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static List<String> allKeys(PaperFixture fixture) {
        return java.util.stream.IntStream.range(0, fixture.papers()).mapToObj(PaperFixture::key)
                .collect(Collectors.toList());
    }

    /** The file's first {@code firstLines} lines and the rest, as two files beside it. */
    private static List<Path> split(Path file, int firstLines) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        Path first = file.resolveSibling("first-" + file.getFileName());
        Path rest = file.resolveSibling("rest-" + file.getFileName());
        java.nio.file.Files.write(first, lines.subList(0, firstLines));
        java.nio.file.Files.write(rest, lines.subList(firstLines, lines.size()));
        return List.of(first, rest);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
