package io.paperwire.notify.delivery.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLedger;
import io.paperwire.notify.delivery.DeliveryLedger.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on a real broker: every transition is in the topic, and a new instance rebuilds the same state. */
class KafkaDeliveryLedgerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String newLedgerTopic() {
        String topic = "deliveries-" + TOPICS.incrementAndGet();
        kafka.createTopic(topic, 2, KafkaDeliveryLedger.topicConfig());
        return topic;
    }

    private static KafkaDeliveryLedger open(String topic) {
        return KafkaDeliveryLedger.open(kafka.bootstrapServers(), topic, TIMEOUT);
    }

    @Test
    void shouldRebuildEveryTransitionAfterARestart() {
        String topic = newLedgerTopic();
        DeliveryKey sent = DeliveryKey.forAlert("a-1", "email");
        DeliveryKey retrying = DeliveryKey.forAlert("a-2", "webhook");
        DeliveryKey dead = DeliveryKey.forAlert("a-3", "webhook");
        DeliveryKey untried = DeliveryKey.forDigest("sub-1", "daily:2025-06-01");
        try (KafkaDeliveryLedger ledger = open(topic)) {
            assertThat(ledger.pending()).isEmpty();
            ledger.recordIntent(sent, "<a-1@paperwire.test>", T0);
            ledger.recordIntent(retrying, "dlv-2", T0);
            ledger.recordIntent(dead, "dlv-3", T0);
            ledger.recordIntent(untried, "<digest@paperwire.test>", T0);
            ledger.recordSent(sent, "250 OK", T0.plusSeconds(1));
            ledger.recordFailedAttempt(retrying, "HTTP 503", T0.plusSeconds(2));
            ledger.recordFailedAttempt(dead, "HTTP 500", T0.plusSeconds(3));
            ledger.recordDead(dead, "HTTP 500", T0.plusSeconds(3));
        }

        try (KafkaDeliveryLedger restarted = open(topic)) {
            assertThat(restarted.find(sent)).get().satisfies(e -> {
                assertThat(e.state()).isEqualTo(State.SENT);
                assertThat(e.idempotencyKey()).isEqualTo("<a-1@paperwire.test>");
                assertThat(e.lastDetail()).isEqualTo("250 OK");
                assertThat(e.updatedAt()).isEqualTo(T0.plusSeconds(1));
            });
            assertThat(restarted.pending()).extracting(DeliveryLedger.Entry::key).containsExactly(untried, retrying);
            assertThat(restarted.find(retrying)).get().satisfies(e -> {
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.lastDetail()).isEqualTo("HTTP 503");
                assertThat(e.idempotencyKey()).isEqualTo("dlv-2");
            });
            assertThat(restarted.dead()).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(dead);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.lastDetail()).isEqualTo("HTTP 500");
            });
            assertThat(restarted.unreadableRecords()).isZero();

            // Final entries stay final; a pending one resumes only with its own idempotency key.
            assertThat(restarted.recordIntent(sent, "<a-1@paperwire.test>", T0.plusSeconds(9)).state())
                    .isEqualTo(State.SENT);
            assertThat(restarted.recordIntent(retrying, "dlv-2", T0.plusSeconds(9)).attempts()).isEqualTo(1);
            assertThatThrownBy(() -> restarted.recordIntent(retrying, "another-id", T0.plusSeconds(9)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("dlv-2");
            restarted.recordSent(retrying, "HTTP 200", T0.plusSeconds(10));
        }

        try (KafkaDeliveryLedger third = open(topic)) {
            assertThat(third.find(retrying).map(DeliveryLedger.Entry::state)).contains(State.SENT);
            assertThat(third.find(retrying).map(DeliveryLedger.Entry::attempts)).contains(1);
            assertThat(third.pending()).extracting(DeliveryLedger.Entry::key).containsExactly(untried);
        }
    }

    @Test
    void shouldSeeWhatAnotherInstanceWroteAfterARefresh() {
        String topic = newLedgerTopic();
        DeliveryKey handedOver = DeliveryKey.forAlert("a-9", "email");
        try (KafkaDeliveryLedger previousOwner = open(topic); KafkaDeliveryLedger nextOwner = open(topic)) {
            previousOwner.recordIntent(handedOver, "<a-9@paperwire.test>", T0);
            previousOwner.recordSent(handedOver, "250 OK", T0.plusSeconds(1));
            assertThat(nextOwner.find(handedOver)).as("written after this ledger was restored").isEmpty();

            nextOwner.refresh();

            assertThat(nextOwner.find(handedOver)).map(DeliveryLedger.Entry::state).contains(DeliveryLedger.State.SENT);
            nextOwner.refresh();
            assertThat(nextOwner.find(handedOver)).map(DeliveryLedger.Entry::state).contains(DeliveryLedger.State.SENT);
        }
    }

    @Test
    void shouldRefuseTransitionsWithoutAnIntent() {
        try (KafkaDeliveryLedger ledger = open(newLedgerTopic())) {
            assertThatThrownBy(() -> ledger.recordSent(DeliveryKey.forAlert("nope", "email"), "ok", T0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("record the intent");
        }
    }

    @Test
    void shouldKeepReadableEntriesAndCountAnUnreadableRecord() {
        String topic = newLedgerTopic();
        DeliveryKey good = DeliveryKey.forAlert("a-1", "email");
        try (KafkaDeliveryLedger ledger = open(topic)) {
            ledger.recordIntent(good, "<a-1@paperwire.test>", T0);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaDeliveryLedger.producerConfig(kafka.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "alert/email/a-2",
                    "{\"v\":7}".getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (KafkaDeliveryLedger restarted = open(topic)) {
            assertThat(restarted.unreadableRecords()).isEqualTo(1);
            assertThat(restarted.pending()).extracting(DeliveryLedger.Entry::key).containsExactly(good);
        }
    }
}
