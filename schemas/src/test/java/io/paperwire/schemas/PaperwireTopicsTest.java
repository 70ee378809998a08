package io.paperwire.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.schemas.serde.AvroSerdeConfig;
import io.paperwire.schemas.serde.InMemorySchemaRegistryClient;
import io.paperwire.schemas.serde.TestArbitraries;
import io.paperwire.schemas.serde.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;

/** Each topic carries the right serdes: string keys, its record type as Avro values on subject topic-value. */
class PaperwireTopicsTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final PaperwireTopics topics = new PaperwireTopics(registry);

  /** A topic and a value for it. */
  record TopicValue<V>(Topic<String, V> topic, V value) {}

  @Provide
  Arbitrary<TopicValue<?>> anyTopicAndValue() {
    List<Arbitrary<TopicValue<?>>> perTopic = List.of(
        values(topics.published(), Paper.class), values(topics.signals(), EngagementSignal.class),
        values(topics.enriched(), EnrichedPaper.class), values(topics.trending(), TrendingScore.class),
        values(topics.subscriptions(), Subscription.class), values(topics.alerts(), Alert.class),
        values(topics.deadLetters(), DeadLetter.class), values(topics.checkpoints(), IngestCheckpoint.class));
    return Arbitraries.oneOf(perTopic);
  }

  private static <V extends SpecificRecord> Arbitrary<TopicValue<?>> values(Topic<String, V> topic, Class<V> type) {
    return TestArbitraries.specific(type).map(v -> new TopicValue<>(topic, v));
  }

  @Property(tries = 300)
  void everyTopicRoundTripsItsValuesAndKeys(@ForAll("anyTopicAndValue") TopicValue<?> pair,
      @ForAll String key) {
    roundTrip(pair, key);
  }

  private <V> void roundTrip(TopicValue<V> pair, String key) {
    Topic<String, V> topic = pair.topic();
    byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), pair.value());

    assertThat(keyBytes).as("keys are plain UTF-8").isEqualTo(key.getBytes(StandardCharsets.UTF_8));
    assertThat(valueBytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(registry.subjects()).contains(topic.name() + "-value");
    ConsumerRecord<String, V> decoded = topic.decoder().decode(new ConsumerRecord<>(topic.name(), 0, 0L,
        keyBytes, valueBytes));
    assertThat(decoded.key()).isEqualTo(key);
    assertThat(TestArbitraries.difference(pair.value(), decoded.value())).isEmpty();
  }

  @Example
  void defaultNamesAreTheDocumentedOnes() {
    assertThat(topics.names().all()).containsExactly("papers.published", "papers.signals", "papers.enriched",
        "papers.trending", "subscriptions", "alerts", "deliveries", "ingest.checkpoints", "deadletters");
    assertThat(topics.all()).extracting(Topic::name).containsExactly("papers.published", "papers.signals",
        "papers.enriched", "papers.trending", "subscriptions", "alerts", "deadletters", "ingest.checkpoints");
  }

  @Example
  void subscriptionTombstoneDecodesToNull() {
    Topic<String, Subscription> subscriptions = topics.subscriptions();

    assertThat(subscriptions.valueSerde().serializer().serialize(subscriptions.name(), null)).isNull();
    assertThat(subscriptions.decoder().decode(new ConsumerRecord<>(subscriptions.name(), 0, 3L,
        "sub-1".getBytes(StandardCharsets.UTF_8), null)).value()).isNull();
  }

  @Example
  void renamedTopicsUseTheirOwnSubjects() {
    TopicNames renamed = new TopicNames("t.published", "t.signals", "t.enriched", "t.trending", "t.subs",
        "t.alerts", "t.deliveries", "t.checkpoints", "t.dead");
    PaperwireTopics custom = new PaperwireTopics(renamed, registry, Map.of());
    TrendingScore score = TrendingScore.newBuilder().setPaperKey("arxiv:1").setScore(1.5).setWindow("P1D")
        .setUpdatedAt(Instant.EPOCH).build();

    custom.trending().valueSerde().serializer().serialize(custom.trending().name(), score);

    assertThat(registry.subjects()).containsExactly("t.trending-value");
  }

  @Example
  void fromConfigNeedsARegistryUrl() {
    assertThatThrownBy(() -> PaperwireTopics.fromConfig(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Example
  void blankTopicNamesAreRefused() {
    assertThatThrownBy(() -> new TopicNames("", "b", "c", "d", "e", "f", "g", "h", "i"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
