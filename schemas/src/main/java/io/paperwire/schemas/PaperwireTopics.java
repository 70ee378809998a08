package io.paperwire.schemas;

import io.paperwire.schemas.serde.HttpSchemaRegistryClient;
import io.paperwire.schemas.serde.SchemaRegistryClient;
import io.paperwire.schemas.serde.SpecificAvroSerde;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * paperwire's topics, each with its serdes: keys are plain UTF-8 strings ({@code Serdes.String()}), values are the
 * generated Avro classes in the Confluent wire format (subject {@code <topic>-value}). All value serdes share one
 * {@link SchemaRegistryClient} and its caches. Immutable and thread-safe; build one per application.
 */
public final class PaperwireTopics {

  private final TopicNames names;
  private final SchemaRegistryClient registry;
  private final Topic<String, Paper> published;
  private final Topic<String, EngagementSignal> signals;
  private final Topic<String, EnrichedPaper> enriched;
  private final Topic<String, TrendingScore> trending;
  private final Topic<String, Subscription> subscriptions;
  private final Topic<String, Alert> alerts;
  private final Topic<String, DeadLetter> deadLetters;
  private final Topic<String, IngestCheckpoint> checkpoints;

  /**
   * @param names the topic names
   * @param registry the registry client all value serdes share
   * @param serdeConfig serde settings with Confluent's keys ({@code auto.register.schemas}, ...); the registry URL
   *     in it is not used
   */
  public PaperwireTopics(TopicNames names, SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
    this.names = Objects.requireNonNull(names, "names");
    this.registry = Objects.requireNonNull(registry, "registry");
    Map<String, ?> config = Map.copyOf(serdeConfig);
    this.published = topic(names.published(), Paper.class, config);
    this.signals = topic(names.signals(), EngagementSignal.class, config);
    this.enriched = topic(names.enriched(), EnrichedPaper.class, config);
    this.trending = topic(names.trending(), TrendingScore.class, config);
    this.subscriptions = topic(names.subscriptions(), Subscription.class, config);
    this.alerts = topic(names.alerts(), Alert.class, config);
    this.deadLetters = topic(names.deadLetters(), DeadLetter.class, config);
    this.checkpoints = topic(names.checkpoints(), IngestCheckpoint.class, config);
  }

  /** The default topic names, sharing {@code registry}, with default serde settings (auto-registration on). */
  public PaperwireTopics(SchemaRegistryClient registry) {
    this(TopicNames.defaults(), registry, Map.of());
  }

  /**
   * Topics with the given names and an {@link HttpSchemaRegistryClient} built from {@code serdeConfig}, which must
   * hold {@code schema.registry.url}.
   */
  public static PaperwireTopics fromConfig(TopicNames names, Map<String, ?> serdeConfig) {
    return new PaperwireTopics(names, HttpSchemaRegistryClient.fromConfig(serdeConfig), serdeConfig);
  }

  /** {@link #fromConfig(TopicNames, Map)} with the default topic names. */
  public static PaperwireTopics fromConfig(Map<String, ?> serdeConfig) {
    return fromConfig(TopicNames.defaults(), serdeConfig);
  }

  private <V extends SpecificRecord> Topic<String, V> topic(String name, Class<V> type, Map<String, ?> config) {
    return new Topic<>(name, Serdes.String(), new SpecificAvroSerde<>(type, registry, config, false));
  }

  /** The topic names. */
  public TopicNames names() {
    return names;
  }

  /** The registry client the serdes share. */
  public SchemaRegistryClient registry() {
    return registry;
  }

  /** papers.published: {@link Paper} events from ingest, keyed by paper key. */
  public Topic<String, Paper> published() {
    return published;
  }

  /** papers.signals: {@link EngagementSignal}s, keyed by paper key. */
  public Topic<String, EngagementSignal> signals() {
    return signals;
  }

  /** papers.enriched: {@link EnrichedPaper}s, keyed by paper key. */
  public Topic<String, EnrichedPaper> enriched() {
    return enriched;
  }

  /** papers.trending (compacted): {@link TrendingScore}s, keyed by paper key. */
  public Topic<String, TrendingScore> trending() {
    return trending;
  }

  /** subscriptions (compacted): {@link Subscription}s keyed by id; a tombstone deletes one. */
  public Topic<String, Subscription> subscriptions() {
    return subscriptions;
  }

  /** alerts: {@link Alert}s, keyed by subscription id. */
  public Topic<String, Alert> alerts() {
    return alerts;
  }

  /** deadletters: {@link DeadLetter}s. */
  public Topic<String, DeadLetter> deadLetters() {
    return deadLetters;
  }

  /** ingest.checkpoints (compacted): {@link IngestCheckpoint}s, keyed by source id. */
  public Topic<String, IngestCheckpoint> checkpoints() {
    return checkpoints;
  }

  /** Every topic with Avro values, in the order above. */
  public List<Topic<String, ?>> all() {
    return List.of(published, signals, enriched, trending, subscriptions, alerts, deadLetters, checkpoints);
  }
}
