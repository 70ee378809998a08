package io.paperwire.enrich;

import static io.paperwire.schemas.streams.SettingValues.duration;
import static io.paperwire.schemas.streams.SettingValues.integer;

import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich app, each with a default; {@link #fromMap(Map)} reads them by the names below (the
 * standard Kafka Streams names where one exists), and every other key is handed to Kafka Streams unchanged (for
 * instance {@code replication.factor} or {@code producer.compression.type}). Documented in {@code docs/enrich.md}.
 *
 * @param applicationId            {@code application.id}, default {@value #DEFAULT_APPLICATION_ID}: one id per
 *                                 deployment; instances with the same id share the partitions
 * @param bootstrapServers         {@code bootstrap.servers}, default {@code localhost:9092}
 * @param schemaRegistryUrl        {@code schema.registry.url}, default {@code http://localhost:8081}
 * @param stateDir                 {@code state.dir}, default {@code <java.io.tmpdir>/paperwire/enrich-state}
 * @param streamThreads            {@code num.stream.threads}, default {@link #DEFAULT_STREAM_THREADS}: one per core
 *                                 up to 4, since enriching is CPU-bound
 * @param standbyReplicas          {@code num.standby.replicas}, default 0
 * @param commitInterval           {@code commit.interval.ms}, default 100 ms (the exactly-once default)
 * @param enricherVersionSuffix    {@code paperwire.enrich.version.suffix}, default empty: appended to the
 *                                 enricher version so a re-enrichment with changed settings is visible downstream
 * @param topicTaxonomy            {@code paperwire.enrich.topic.taxonomy}: a YAML topic taxonomy replacing the
 *                                 shipped one; empty for the shipped one
 * @param trendingRefreshInterval  {@code paperwire.enrich.trending.refresh.interval} (ISO-8601), default PT1H:
 *                                 how often decayed trending scores are rewritten without new signals
 * @param classifierSnapshotInterval {@code paperwire.enrich.classifier.snapshot.interval} (ISO-8601), default
 *                                 PT10M: how often a task's subject classifier is written to its store
 * @param classifierPriorWeight    {@code paperwire.enrich.classifier.prior.weight}, default
 *                                 {@value io.paperwire.enrich.tags.SubjectClassifier#DEFAULT_PRIOR_WEIGHT}: how much
 *                                 one paper of the shipped subject prior counts against one learnt paper (0: no
 *                                 prior)
 * @param deadLetterMaxValueBytes  {@code paperwire.enrich.dead.letter.max.value.bytes}, default 262144: value
 *                                 bytes kept in a dead letter; longer values are truncated
 * @param streamsOverrides         every other key, passed to Kafka Streams as is
 */
public record EnrichConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl, Path stateDir,
                           int streamThreads, int standbyReplicas, Duration commitInterval,
                           String enricherVersionSuffix, Optional<Path> topicTaxonomy,
                           Duration trendingRefreshInterval, Duration classifierSnapshotInterval,
                           double classifierPriorWeight, int deadLetterMaxValueBytes, Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "paperwire-enrich";
    public static final String VERSION_SUFFIX = "paperwire.enrich.version.suffix";
    public static final String TOPIC_TAXONOMY = "paperwire.enrich.topic.taxonomy";
    public static final String TRENDING_REFRESH_INTERVAL = "paperwire.enrich.trending.refresh.interval";
    public static final String CLASSIFIER_SNAPSHOT_INTERVAL = "paperwire.enrich.classifier.snapshot.interval";
    public static final String CLASSIFIER_PRIOR_WEIGHT = "paperwire.enrich.classifier.prior.weight";
    public static final String DEAD_LETTER_MAX_VALUE_BYTES = "paperwire.enrich.dead.letter.max.value.bytes";

    private static final Set<String> OWN_KEYS = Set.of(StreamsConfig.APPLICATION_ID_CONFIG,
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, AvroSerdeConfig.SCHEMA_REGISTRY_URL, StreamsConfig.STATE_DIR_CONFIG,
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, VERSION_SUFFIX, TOPIC_TAXONOMY, TRENDING_REFRESH_INTERVAL,
            CLASSIFIER_SNAPSHOT_INTERVAL, CLASSIFIER_PRIOR_WEIGHT, DEAD_LETTER_MAX_VALUE_BYTES);

    public EnrichConfig {
        requireText(applicationId, StreamsConfig.APPLICATION_ID_CONFIG);
        requireText(bootstrapServers, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        requireText(schemaRegistryUrl, AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        Objects.requireNonNull(stateDir, StreamsConfig.STATE_DIR_CONFIG);
        requirePositive(streamThreads, StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        if (standbyReplicas < 0) {
            throw new IllegalArgumentException(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG + " must be >= 0, was "
                    + standbyReplicas);
        }
        requirePositive(commitInterval, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        enricherVersionSuffix = enricherVersionSuffix == null ? "" : enricherVersionSuffix.trim();
        if (enricherVersionSuffix.contains(" ")) {
            throw new IllegalArgumentException(VERSION_SUFFIX + " must not contain spaces, was '"
                    + enricherVersionSuffix + "'");
        }
        Objects.requireNonNull(topicTaxonomy, TOPIC_TAXONOMY);
        requirePositive(trendingRefreshInterval, TRENDING_REFRESH_INTERVAL);
        requirePositive(classifierSnapshotInterval, CLASSIFIER_SNAPSHOT_INTERVAL);
        if (!(classifierPriorWeight >= 0) || Double.isInfinite(classifierPriorWeight)) {
            throw new IllegalArgumentException(CLASSIFIER_PRIOR_WEIGHT + " must be a finite number >= 0, was "
                    + classifierPriorWeight);
        }
        requirePositive(deadLetterMaxValueBytes, DEAD_LETTER_MAX_VALUE_BYTES);
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    /** Every default. */
    /** One stream thread per core, at most 4 (each takes at most one partition of {@code papers.published}). */
    public static final int DEFAULT_STREAM_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public static EnrichConfig defaults() {
        return new EnrichConfig(DEFAULT_APPLICATION_ID, "localhost:9092", "http://localhost:8081",
                Path.of(System.getProperty("java.io.tmpdir"), "paperwire", "enrich-state"), DEFAULT_STREAM_THREADS, 0,
                Duration.ofMillis(100), "", Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(10),
                SubjectClassifier.DEFAULT_PRIOR_WEIGHT, 256 * 1024, Map.of());
    }

    /**
     * The defaults overridden by {@code settings} (names above; others go to Kafka Streams).
     *
     * @throws IllegalArgumentException naming the setting when a value is malformed
     */
    public static EnrichConfig fromMap(Map<String, String> settings) {
        EnrichConfig d = defaults();
        Map<String, String> overrides = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (!OWN_KEYS.contains(key)) {
                if (key.startsWith("paperwire.enrich.")) {
                    throw new IllegalArgumentException("unknown setting " + key + " (known: "
                            + new java.util.TreeSet<>(OWN_KEYS) + ")");
                }
                overrides.put(key, value);
            }
        });
        String taxonomy = settings.get(TOPIC_TAXONOMY);
        return new EnrichConfig(
                settings.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, d.applicationId()),
                settings.getOrDefault(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, d.bootstrapServers()),
                settings.getOrDefault(AvroSerdeConfig.SCHEMA_REGISTRY_URL, d.schemaRegistryUrl()),
                settings.containsKey(StreamsConfig.STATE_DIR_CONFIG)
                        ? Path.of(settings.get(StreamsConfig.STATE_DIR_CONFIG)) : d.stateDir(),
                integer(settings, StreamsConfig.NUM_STREAM_THREADS_CONFIG, d.streamThreads()),
                integer(settings, StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, d.standbyReplicas()),
                settings.containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                        ? Duration.ofMillis(integer(settings, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 0))
                        : d.commitInterval(),
                settings.getOrDefault(VERSION_SUFFIX, d.enricherVersionSuffix()),
                taxonomy == null || taxonomy.isBlank() ? Optional.empty() : Optional.of(Path.of(taxonomy.trim())),
                duration(settings, TRENDING_REFRESH_INTERVAL, d.trendingRefreshInterval()),
                duration(settings, CLASSIFIER_SNAPSHOT_INTERVAL, d.classifierSnapshotInterval()),
                decimal(settings, CLASSIFIER_PRIOR_WEIGHT, d.classifierPriorWeight()),
                integer(settings, DEAD_LETTER_MAX_VALUE_BYTES, d.deadLetterMaxValueBytes()),
                overrides);
    }

    /** This configuration with another application id and state directory (tests, second deployments). */
    public EnrichConfig withInstance(String newApplicationId, Path newStateDir) {
        return new EnrichConfig(newApplicationId, bootstrapServers, schemaRegistryUrl, newStateDir, streamThreads,
                standbyReplicas, commitInterval, enricherVersionSuffix, topicTaxonomy, trendingRefreshInterval,
                classifierSnapshotInterval, classifierPriorWeight, deadLetterMaxValueBytes, streamsOverrides);
    }

    /** This configuration with other broker and registry addresses. */
    public EnrichConfig withServers(String newBootstrapServers, String newSchemaRegistryUrl) {
        return new EnrichConfig(applicationId, newBootstrapServers, newSchemaRegistryUrl, stateDir, streamThreads,
                standbyReplicas, commitInterval, enricherVersionSuffix, topicTaxonomy, trendingRefreshInterval,
                classifierSnapshotInterval, classifierPriorWeight, deadLetterMaxValueBytes, streamsOverrides);
    }

    /** This configuration with another enricher version suffix. */
    public EnrichConfig withVersionSuffix(String suffix) {
        return new EnrichConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, streamThreads,
                standbyReplicas, commitInterval, suffix, topicTaxonomy, trendingRefreshInterval,
                classifierSnapshotInterval, classifierPriorWeight, deadLetterMaxValueBytes, streamsOverrides);
    }

    /** This configuration with more Kafka Streams settings (they win over earlier ones). */
    public EnrichConfig withStreamsOverrides(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(streamsOverrides);
        merged.putAll(more);
        return new EnrichConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, streamThreads,
                standbyReplicas, commitInterval, enricherVersionSuffix, topicTaxonomy, trendingRefreshInterval,
                classifierSnapshotInterval, classifierPriorWeight, deadLetterMaxValueBytes, merged);
    }

    /** The serde settings for {@code io.paperwire.schemas.PaperwireTopics#fromConfig(Map)}. */
    public Map<String, Object> serdeConfig() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    }

    /**
     * The Kafka Streams properties: exactly-once v2, the settings above, the overrides, and
     * {@code extra} (objects such as the dead-letter writer the error handlers read).
     */
    public Properties streamsProperties(Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putAll(streamsOverrides);
        props.putAll(extra);
        return props;
    }

    private static double decimal(Map<String, String> settings, String name, double defaultValue) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
