package io.paperwire.notify.alerting;

import static io.paperwire.notify.NotifyFixtures.expertsPaper;
import static io.paperwire.notify.NotifyFixtures.graphenePaper;
import static io.paperwire.notify.NotifyFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.notify.InMemoryRegistry;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.NotifyFixtures;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTopologyTest {

    @TempDir
    Path stateDir;

    private PaperwireTopics topics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Subscription> subscriptions;
    private TestInputTopic<String, EnrichedPaper> enriched;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        openDriver(StreamsConfig.EXACTLY_ONCE_V2);
    }

    private void openDriver(String guarantee) {
        topics = new PaperwireTopics(new InMemoryRegistry());
        NotifyConfig config = NotifyConfig.defaults().withInstance("notify-test", stateDir);
        Properties props = AlertTopology.streamsProperties(config, topics,
                Clock.fixed(NotifyFixtures.T0, ZoneOffset.UTC));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        driver = new TopologyTestDriver(AlertTopology.buildTopology(config, topics), props, NotifyFixtures.T0);
        subscriptions = driver.createInputTopic(topics.subscriptions().name(),
                topics.subscriptions().keySerde().serializer(), topics.subscriptions().valueSerde().serializer());
        enriched = driver.createInputTopic(topics.enriched().name(), topics.enriched().keySerde().serializer(),
                topics.enriched().valueSerde().serializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void subscribe(Subscription subscription) {
        subscriptions.pipeInput(subscription.getId(), subscription);
    }

    private void publish(EnrichedPaper paper) {
        enriched.pipeInput(paper.getPaper().getKey(), paper);
    }

    @Test
    void shouldAlertEachMatchingSubscriptionOnceWithReasons() {
        subscribe(subscription("subA", "title:experts"));
        subscribe(subscription("subB", "tags:\"mixture of experts\""));
        subscribe(subscription("subC", "title:graphene"));

        publish(expertsPaper("test:1", 1, "e1", 1.0));

        List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactlyInAnyOrder("subA", "subB");
        for (TestRecord<String, Alert> record : out) {
            Alert alert = record.value();
            assertThat(alert.getAlertId()).isEqualTo(record.key() + ":test:1");
            assertThat(alert.getSubscriptionId()).isEqualTo(record.key());
            assertThat(alert.getPaperKey()).isEqualTo("test:1");
            assertThat(alert.getPaperVersion()).isEqualTo(1);
            assertThat(alert.getIsUpdate()).isFalse();
            assertThat(alert.getEnricherVersion()).isEqualTo("e1");
            assertThat(alert.getReasons()).isNotEmpty();
        }
        Alert byTag = out.stream().filter(r -> r.key().equals("subB")).findFirst().orElseThrow().value();
        assertThat(byTag.getReasons()).extracting(MatchReason::getField).contains("tags");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldNotAlertAgainForRepeatedRevisedOrReEnrichedPaper() {
        subscribe(subscription("subA", "title:experts"));
        publish(expertsPaper("test:1", 1, "e1", 1.0));
        assertThat(alerts.readRecordsToList()).hasSize(1);

        publish(expertsPaper("test:1", 1, "e1", 1.0));
        publish(expertsPaper("test:1", 2, "e1", 1.0));
        publish(expertsPaper("test:1", 2, "e2", 3.0));
        publish(expertsPaper("test:1", 1, "e2", 1.0));

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldSendOneMarkedUpdatePerNewVersionWhenAsked() {
        subscribe(Subscription.newBuilder(subscription("subA", "title:experts")).setNotifyNewVersions(true).build());
        publish(expertsPaper("test:1", 1, "e1", 1.0));
        publish(expertsPaper("test:1", 2, "e1", 1.0));
        publish(expertsPaper("test:1", 2, "e2", 1.0));
        publish(expertsPaper("test:1", 1, "e2", 1.0));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::getAlertId).containsExactly("subA:test:1", "subA:test:1:v2");
        assertThat(out).extracting(Alert::getIsUpdate).containsExactly(false, true);
        assertThat(out.get(1).getPaperVersion()).isEqualTo(2);
    }

    @Test
    void shouldKeepEverySubscriptionOfAPaperInItsLedgerEntry() {
        subscribe(subscription("subA", "title:experts"));
        subscribe(subscription("subB", "tags:\"mixture of experts\""));
        publish(expertsPaper("test:1", 1, "e1", 1.0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId)
                .containsExactlyInAnyOrder("subA:test:1", "subB:test:1");

        // a subscription created later gets the paper when it comes again (a replay back-fills it), the others not
        subscribe(subscription("subC", "abstract:experts"));
        publish(expertsPaper("test:1", 1, "e2", 1.0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId).containsExactly("subC:test:1");

        publish(expertsPaper("test:1", 2, "e2", 1.0));
        publish(expertsPaper("test:1", 1, "e1", 1.0));
        assertThat(alerts.isEmpty()).isTrue();

        KeyValueStore<String, AlertedSubscriptions> ledger = driver.getKeyValueStore(AlertTopology.LEDGER_STORE);
        assertThat(ledger.get("test:1").asMap()).containsOnly(
                Map.entry("subA", new AlertLedgerEntry(1, "e1")),
                Map.entry("subB", new AlertLedgerEntry(1, "e1")),
                Map.entry("subC", new AlertLedgerEntry(1, "e2")));
    }

    @Test
    void shouldSendUpdatesOnlyToTheSubscriptionsThatAskAndFollowTheirWish() {
        subscribe(Subscription.newBuilder(subscription("wants", "title:experts")).setNotifyNewVersions(true).build());
        subscribe(subscription("later", "tags:\"mixture of experts\""));
        publish(expertsPaper("test:1", 1, "e1", 1.0));
        publish(expertsPaper("test:1", 2, "e1", 1.0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId)
                .containsExactlyInAnyOrder("wants:test:1", "later:test:1", "wants:test:1:v2");

        // 'later' asks for new versions now: the next newer version than the one it was alerted for is one update;
        // 'wants' stops asking: nothing more for it
        subscribe(Subscription.newBuilder(subscription("later", "tags:\"mixture of experts\""))
                .setNotifyNewVersions(true).build());
        subscribe(subscription("wants", "title:experts"));
        publish(expertsPaper("test:1", 3, "e1", 1.0));
        publish(expertsPaper("test:1", 3, "e2", 1.0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId).containsExactly("later:test:1:v3");

        // deleted and created again without the wish: no update
        subscriptions.pipeInput("later", null);
        subscribe(subscription("later", "tags:\"mixture of experts\""));
        publish(expertsPaper("test:1", 4, "e1", 1.0));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldHonourTheLedgerOfEarlierReleasesAndCarryItOver() {
        KeyValueStore<String, AlertLedgerEntry> legacy = driver.getKeyValueStore(AlertTopology.LEGACY_LEDGER_STORE);
        legacy.put("subA|test:1", new AlertLedgerEntry(1, "e0"));
        legacy.put("wants|test:1", new AlertLedgerEntry(1, "e0"));
        subscribe(subscription("subA", "title:experts"));
        subscribe(subscription("subB", "tags:\"mixture of experts\""));
        subscribe(Subscription.newBuilder(subscription("wants", "abstract:experts")).setNotifyNewVersions(true).build());

        publish(expertsPaper("test:1", 1, "e1", 1.0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId).containsExactly("subB:test:1");
        publish(expertsPaper("test:1", 2, "e1", 1.0));
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId).containsExactly("wants:test:1:v2");

        KeyValueStore<String, AlertedSubscriptions> ledger = driver.getKeyValueStore(AlertTopology.LEDGER_STORE);
        assertThat(ledger.get("test:1").asMap()).containsOnly(
                Map.entry("subA", new AlertLedgerEntry(1, "e0")),
                Map.entry("subB", new AlertLedgerEntry(1, "e1")),
                Map.entry("wants", new AlertLedgerEntry(2, "e1")));
        assertThat(legacy.get("subA|test:1")).as("the legacy ledger is read, never written")
                .isEqualTo(new AlertLedgerEntry(1, "e0"));
    }

    @Test
    void shouldNotAlertPausedOrDeletedSubscriptions() {
        subscribe(Subscription.newBuilder(subscription("paused", "title:experts"))
                .setStatus(SubscriptionStatus.PAUSED).build());
        subscribe(subscription("deleted", "title:experts"));
        subscriptions.pipeInput("deleted", null);
        subscribe(subscription("live", "title:experts"));

        publish(expertsPaper("test:1", 1, "e1", 1.0));
        publish(graphenePaper("test:2"));

        assertThat(alerts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("live");
    }

    @Test
    void shouldApplyTheMinimumTrendingScore() {
        subscribe(Subscription.newBuilder(subscription("hot", "title:experts")).setMinTrendingScore(2.0).build());
        publish(expertsPaper("test:cold", 1, "e1", 1.0));
        publish(expertsPaper("test:hot", 1, "e1", 2.5));

        assertThat(alerts.readValuesToList()).extracting(Alert::getPaperKey).containsExactly("test:hot");
    }

    @Test
    void shouldDeadLetterGarbageAndKeepAlerting() {
        // TopologyTestDriver under exactly-once drops what a deserialization handler sends (it clears the mock
        // producer's uncommitted sends before committing); the handler is the same under both guarantees.
        driver.close();
        openDriver(StreamsConfig.AT_LEAST_ONCE);
        subscribe(subscription("subA", "title:experts"));
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.enriched().name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        raw.pipeInput("test:garbage".getBytes(StandardCharsets.UTF_8),
                "not avro at all".getBytes(StandardCharsets.UTF_8));
        publish(expertsPaper("test:1", 1, "e1", 1.0));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.getStage()).isEqualTo("notify");
        assertThat(letter.getOriginalTopic()).isEqualTo(topics.enriched().name());
        assertThat(letter.getOffset()).isZero();
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("not avro at all");
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId).containsExactly("subA:test:1");
    }
}
