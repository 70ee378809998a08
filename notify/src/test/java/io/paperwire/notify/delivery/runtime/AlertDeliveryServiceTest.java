package io.paperwire.notify.delivery.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLanes;
import io.paperwire.notify.delivery.DeliveryLedger;
import io.paperwire.notify.delivery.InMemoryDeadLetters;
import io.paperwire.notify.delivery.MutableClock;
import io.paperwire.notify.delivery.RetryPolicy;
import io.paperwire.notify.delivery.digest.DigestSettings;
import io.paperwire.notify.delivery.email.AlertMailComposer;
import io.paperwire.notify.delivery.email.SmtpMailChannel;
import io.paperwire.notify.delivery.email.SmtpSettings;
import io.paperwire.notify.delivery.kafka.KafkaDeliveryLedger;
import io.paperwire.notify.delivery.kafka.TopicReplay;
import io.paperwire.notify.delivery.webhook.AlertWebhookComposer;
import io.paperwire.notify.delivery.webhook.WebhookChannel;
import io.paperwire.notify.delivery.webhook.WebhookUrlPolicy;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import io.paperwire.schemas.TopicNames;
import io.paperwire.schemas.TrendingScore;
import io.paperwire.schemas.WebhookTarget;
import io.paperwire.schemas.serde.HttpSchemaRegistryClient;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery service end to end: a real broker, the real registry, alerts and papers as Avro records, mails to a
 * real SMTP server (GreenMail), webhooks to a real local HTTP server, the ledger on the {@code deliveries} topic.
 * Time for retries moves by a {@link MutableClock}; the tests wait on conditions, never on time.
 */
class AlertDeliveryServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer registry;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TopicNames names;
    private PaperwireTopics topics;
    private String group;
    private GreenMail greenMail;

    @BeforeAll
    static void startBrokerAndRegistry() {
        kafka = EmbeddedKafka.start(dataDir);
        registry = SchemaRegistryServer.start(RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0));
    }

    @AfterAll
    static void stopBrokerAndRegistry() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void createTopics() {
        String p = "run" + RUNS.incrementAndGet() + ".";
        names = new TopicNames(p + "papers.published", p + "papers.signals", p + "papers.enriched",
                p + "papers.trending", p + "subscriptions", p + "alerts", p + "deliveries", p + "ingest.checkpoints",
                p + "deadletters");
        group = p + "paperwire-notify-delivery";
        kafka.createTopic(names.alerts(), 2, Map.of());
        kafka.createTopic(names.enriched(), 1, Map.of());
        kafka.createTopic(names.trending(), 1, Map.of());
        kafka.createTopic(names.deliveries(), 1, KafkaDeliveryLedger.topicConfig());
        topics = new PaperwireTopics(names,
                HttpSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", registry.url().toString())),
                Map.of());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void shouldMailAnAlertOnceEvenWhenTheAlertIsReadTwice() throws Exception {
        int port = freePort();
        startSmtp(port);
        EnrichedPaper paper = DeliveryFixtures.paper("arxiv:2506.00001", "Sparse experts", "About experts.");
        Subscription subscription = DeliveryFixtures.subscription("sub-1").build();
        Alert alert = DeliveryFixtures.alert("sub-1", paper, T0);
        publish(paper, alert);

        KafkaDeliveryLedger ledger = ledger();
        AlertDeliveryService service = service(ledger, port, new MapSubscriptionDirectory().with(subscription),
                RetryPolicy.defaults());
        service.start();
        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            return greenMail.getReceivedMessages().length == 1;
        });
        // The same alert again (a replay upstream): the ledger says sent, nothing goes out.
        publish(paper, alert);
        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            return service.alertsHandled() == 2;
        });
        service.pollOnce();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).contains("Sparse experts");
        DeliveryKey key = DeliveryKey.forAlert(alert.getAlertId(), AlertMailComposer.CHANNEL);
        assertThat(ledger.find(key)).get().satisfies(e -> {
            assertThat(e.state()).isEqualTo(DeliveryLedger.State.SENT);
            assertThat(received[0].getMessageID()).isEqualTo(e.idempotencyKey());
        });
        assertThat(committedOffsets()).isEqualTo(2L);
    }

    @Test
    void shouldRetryWhenSmtpIsDownAndDeliverOnceItIsUp() throws Exception {
        int port = freePort();
        EnrichedPaper paper = DeliveryFixtures.paper("arxiv:2506.00002", "Routing tokens", "About routing.");
        Alert alert = DeliveryFixtures.alert("sub-2", paper, T0);
        publish(paper, alert);
        KafkaDeliveryLedger ledger = ledger();
        RetryPolicy oneMinuteThenDoubling = new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10), 2.0, 0.0);
        AlertDeliveryService service = service(ledger, port,
                new MapSubscriptionDirectory().with(DeliveryFixtures.subscription("sub-2").build()),
                oneMinuteThenDoubling);
        service.start();
        DeliveryKey key = DeliveryKey.forAlert(alert.getAlertId(), AlertMailComposer.CHANNEL);

        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            return ledger.find(key).map(DeliveryLedger.Entry::attempts).orElse(0) == 1;
        });
        assertThat(ledger.find(key).get().state()).isEqualTo(DeliveryLedger.State.PENDING);
        assertThat(ledger.find(key).get().lastDetail()).isNotBlank();
        assertThat(DeliveryReport.failed(ledger).rows()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryReport.Status.RETRYING));
        // The offset of a pending alert is not committed: a crash now would read it again.
        assertThat(committedOffsets()).isZero();

        startSmtp(port);
        service.pollOnce();
        assertThat(greenMail.getReceivedMessages()).as("not due before the backoff").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            return greenMail.getReceivedMessages().length > 0;
        });
        clock.advance(Duration.ofHours(1));
        service.pollOnce();

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(ledger.find(key)).get().satisfies(e -> {
            assertThat(e.state()).isEqualTo(DeliveryLedger.State.SENT);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(DeliveryReport.failed(ledger).isEmpty()).isTrue();
        assertThat(committedOffsets()).isEqualTo(1L);
    }

    /**
     * The crash covered here is after the intent and before any send: the first service records the intent and
     * commits what it may, then dies without sending. The restarted service (new ledger instance from the topic, same
     * consumer group) reads the alert again and sends it once: GreenMail holds exactly one message, with the
     * Message-ID of the intent.
     */
    @Test
    void shouldResumeAPendingDeliveryAfterACrashWithoutSendingTwice() throws Exception {
        int port = freePort();
        startSmtp(port);
        EnrichedPaper paper = DeliveryFixtures.paper("arxiv:2506.00003", "Experts at scale", "About scale.");
        Alert alert = DeliveryFixtures.alert("sub-3", paper, T0);
        publish(paper, alert);
        MapSubscriptionDirectory directory = new MapSubscriptionDirectory()
                .with(DeliveryFixtures.subscription("sub-3").build());
        DeliveryKey key = DeliveryKey.forAlert(alert.getAlertId(), AlertMailComposer.CHANNEL);

        KafkaDeliveryLedger firstLedger = KafkaDeliveryLedger.open(kafka.bootstrapServers(), names.deliveries(),
                TIMEOUT);
        AlertDeliveryService first = service(firstLedger, port, directory, RetryPolicy.defaults());
        first.start();
        await().atMost(TIMEOUT).until(() -> {
            first.consumeOnce();
            return firstLedger.find(key).isPresent();
        });
        String intendedMessageId = firstLedger.find(key).get().idempotencyKey();
        first.close();
        firstLedger.close();
        toClose.remove(first);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(committedOffsets()).isZero();

        KafkaDeliveryLedger restored = ledger();
        assertThat(restored.pending()).extracting(DeliveryLedger.Entry::key).containsExactly(key);
        AlertDeliveryService second = service(restored, port, directory, RetryPolicy.defaults());
        second.start();
        await().atMost(TIMEOUT).until(() -> {
            second.pollOnce();
            return greenMail.getReceivedMessages().length > 0;
        });
        second.pollOnce();
        clock.advance(Duration.ofHours(3));
        second.pollOnce();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getMessageID()).isEqualTo(intendedMessageId);
        assertThat(restored.find(key).map(DeliveryLedger.Entry::state)).contains(DeliveryLedger.State.SENT);
        assertThat(committedOffsets()).isEqualTo(1L);
    }

    @Test
    void shouldGiveUpAFailingWebhookAfterNAttemptsAndListItAsFailed() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            posts.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        toClose.add(() -> server.stop(0));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        Subscription subscription = DeliveryFixtures.subscription("sub-4").setEmailInstant(false)
                .setWebhook(new WebhookTarget(url, "s3cret-s3cret-s3cret")).build();
        EnrichedPaper paper = DeliveryFixtures.paper("arxiv:2506.00004", "Failing hooks", "About hooks.");
        Alert alert = DeliveryFixtures.alert("sub-4", paper, T0);
        publish(paper, alert);
        KafkaDeliveryLedger ledger = ledger();
        RetryPolicy threeAttempts = new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(1), 1.0, 0.0);
        AlertDeliveryService service = service(ledger, freePort(), new MapSubscriptionDirectory().with(subscription),
                threeAttempts);
        service.start();

        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            clock.advance(Duration.ofMinutes(1));
            return !ledger.dead().isEmpty();
        });
        clock.advance(Duration.ofHours(1));
        service.pollOnce();

        assertThat(posts).hasValue(3);
        assertThat(deadLetters.all()).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(3));
        DeliveryKey key = DeliveryKey.forAlert(alert.getAlertId(), AlertWebhookComposer.CHANNEL);
        try (KafkaDeliveryLedger restarted = KafkaDeliveryLedger.open(kafka.bootstrapServers(), names.deliveries(),
                TIMEOUT)) {
            DeliveryReport report = DeliveryReport.failed(restarted);
            assertThat(report.rows()).singleElement().satisfies(row -> {
                assertThat(row.key()).isEqualTo(key.value());
                assertThat(row.channel()).isEqualTo("webhook");
                assertThat(row.status()).isEqualTo(DeliveryReport.Status.DEAD);
                assertThat(row.attempts()).isEqualTo(3);
                assertThat(row.reason()).contains("answered 500");
            });
            assertThat(report.format()).contains("DEAD", key.value(), "answered 500");
        }
        // Dead is final: the alert's offset is committed.
        assertThat(committedOffsets()).isEqualTo(1L);
    }

    @Test
    void shouldRecordAnAlertAboutAnUnknownPaperAsDead() throws Exception {
        EnrichedPaper paper = DeliveryFixtures.paper("arxiv:2506.00005", "Never enriched", "About nothing.");
        Alert alert = DeliveryFixtures.alert("sub-5", paper, T0);
        produce(topics.alerts(), alert.getSubscriptionId(), alert);
        KafkaDeliveryLedger ledger = ledger();
        AlertDeliveryService service = service(ledger, freePort(),
                new MapSubscriptionDirectory().with(DeliveryFixtures.subscription("sub-5").build()),
                RetryPolicy.defaults());
        service.start();
        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            return service.alertsUndeliverable() == 1;
        });
        assertThat(DeliveryReport.failed(ledger).rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(DeliveryReport.Status.DEAD);
            assertThat(row.reason()).contains("arxiv:2506.00005", "not in papers.enriched");
        });
    }

    @Test
    void shouldSendTheDueDigestWithTheMatchesOfBeforeARestartAndTheTrendingPapersOnce() throws Exception {
        int port = freePort();
        startSmtp(port);
        Subscription subscription = DeliveryFixtures.subscription("sub-6").setEmailInstant(false)
                .setDailyDigest(new io.paperwire.schemas.DigestSchedule("09:00", "UTC", null)).build();
        EnrichedPaper matched = DeliveryFixtures.paper("arxiv:2506.00006", "Matched for the digest", "About it.");
        EnrichedPaper hot = DeliveryFixtures.paper("arxiv:2506.00007", "Hot today", "About heat.");
        produce(topics.enriched(), hot.getPaper().getKey(), hot);
        produce(topics.trending(), hot.getPaper().getKey(), TrendingScore.newBuilder()
                .setPaperKey(hot.getPaper().getKey()).setScore(42.0).setUpvotes(40).setComments(2).setStars(0)
                .setWindow("24h").setUpdatedAt(T0.minus(Duration.ofHours(3))).build());
        // Matched at 08:00 UTC, inside the window of the 09:00 digest of 1 June.
        publish(matched, DeliveryFixtures.alert("sub-6", matched, T0.minus(Duration.ofHours(2))));
        KafkaDeliveryLedger ledger = ledger();
        MapSubscriptionDirectory directory = new MapSubscriptionDirectory().with(subscription);
        AlertDeliveryService first = service(ledger, port, directory, RetryPolicy.defaults());
        first.start();
        await().atMost(TIMEOUT).until(() -> {
            first.consumeOnce();
            return first.alertsHandled() == 1;
        });
        assertThat(greenMail.getReceivedMessages()).as("no instant mail for this subscription").isEmpty();
        // Nothing is pending for this alert, so its offset is committed; a restart must still know the match.
        assertThat(committedOffsets()).isEqualTo(1L);
        first.close();
        toClose.remove(first);

        AlertDeliveryService service = service(ledger, port, directory, RetryPolicy.defaults());
        service.start();
        service.deliverDue();
        clock.advance(Duration.ofHours(2));
        // The digest runs once this instance owns the subscription's alerts partition (after its first assignment).
        await().atMost(TIMEOUT).until(() -> {
            service.pollOnce();
            return greenMail.getReceivedMessages().length > 0;
        });
        service.pollOnce();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[paperwire] MoE watch: 1 match, 1 trending");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0]))
                .contains("Matched for the digest", "Hot today");
        assertThat(ledger.find(DeliveryKey.forDigest("sub-6", "daily:2025-06-01")))
                .map(DeliveryLedger.Entry::state).contains(DeliveryLedger.State.SENT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void startSmtp(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    private static SmtpSettings smtp(int port) {
        return new SmtpSettings("127.0.0.1", port, "", "", false, "paperwire <alerts@paperwire.test>",
                URI.create("https://paperwire.test/"), Duration.ofSeconds(5));
    }

    private void publish(EnrichedPaper paper, Alert alert) {
        produce(topics.enriched(), paper.getPaper().getKey(), paper);
        produce(topics.alerts(), alert.getSubscriptionId(), alert);
    }

    private <V> void produce(Topic<String, V> topic, String key, V value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic.name(), e);
        }
    }

    private KafkaDeliveryLedger ledger() {
        KafkaDeliveryLedger ledger = KafkaDeliveryLedger.open(kafka.bootstrapServers(), names.deliveries(), TIMEOUT);
        toClose.add(ledger);
        return ledger;
    }

    private <V> TopicReplay<String, V> replay(Topic<String, V> topic) {
        Map<String, Object> config = new HashMap<>(KafkaDeliveryLedger.restoreConsumerConfig(kafka.bootstrapServers()));
        return new TopicReplay<>(new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer()), topic.name(), TIMEOUT);
    }

    private AlertDeliveryService service(KafkaDeliveryLedger ledger, int smtpPort, SubscriptionDirectory directory,
                                         RetryPolicy retryPolicy) {
        Map<String, Object> consumerConfig = AlertDeliveryService.alertConsumerConfig(kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        KafkaConsumer<String, Alert> alerts = new KafkaConsumer<>(consumerConfig,
                topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer());
        SmtpSettings smtp = smtp(smtpPort);
        DeliveryDispatcher<io.paperwire.notify.delivery.email.OutgoingMail> mail = new DeliveryDispatcher<>(
                new SmtpMailChannel(smtp), ledger, retryPolicy, deadLetters, DeliveryLanes.callerThread(), clock,
                new Random(1));
        WebhookUrlPolicy loopbackAllowed = new WebhookUrlPolicy(EnumSet.of(WebhookUrlPolicy.AddressClass.LOOPBACK),
                InetAddress::getAllByName);
        DeliveryDispatcher<io.paperwire.notify.delivery.webhook.WebhookRequest> webhook = new DeliveryDispatcher<>(
                new WebhookChannel(HttpClient.newHttpClient(), loopbackAllowed, Duration.ofSeconds(5), clock), ledger,
                retryPolicy, deadLetters, DeliveryLanes.callerThread(), clock, new Random(1));
        TopicReplay<String, TrendingScore> trending = replay(topics.trending());
        AlertDeliveryService service = new AlertDeliveryService(alerts, names.alerts(), replay(topics.enriched()),
                trending, replay(topics.alerts()), directory, ledger,
                new AlertDeliveryService.MailDelivery(mail, new AlertMailComposer(smtp, clock)),
                Optional.of(new AlertDeliveryService.WebhookDelivery(webhook,
                        new AlertWebhookComposer(new ObjectMapper()))),
                Optional.empty(), DigestSettings.defaults(),
                new DeliverySettings(Duration.ofMillis(100), Duration.ofHours(1), 1_000, 100, TIMEOUT,
                        Duration.ofDays(8)), clock);
        toClose.add(service);
        return service;
    }

    /** The committed offset of the alerts group, summed over the partitions (0 when nothing is committed). */
    private long committedOffsets() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
