package io.paperwire.notify;

import static io.paperwire.schemas.streams.SettingValues.duration;
import static io.paperwire.schemas.streams.SettingValues.integer;

import io.paperwire.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the notify service, each with a default; {@link #fromMap(Map)} reads them by the names below (the
 * standard Kafka Streams names where one exists), every other key goes to Kafka Streams unchanged. Documented in
 * {@code docs/notify.md}.
 *
 * @param applicationId           {@code application.id}, default {@value #DEFAULT_APPLICATION_ID}
 * @param bootstrapServers        {@code bootstrap.servers}, default {@code localhost:9092}
 * @param schemaRegistryUrl       {@code schema.registry.url}, default {@code http://localhost:8081}
 * @param stateDir                {@code state.dir}, default {@code <java.io.tmpdir>/paperwire/notify-state}; holds
 *                                the alert ledger (backed by its changelog topic)
 * @param streamThreads           {@code num.stream.threads}, default {@link #DEFAULT_STREAM_THREADS}: one per core up to
 *                                4, since matching is CPU-bound and the threads share one matcher
 * @param commitInterval          {@code commit.interval.ms}, default 100 ms
 * @param httpHost                {@code paperwire.notify.http.host}, default {@code 127.0.0.1}
 * @param httpPort                {@code paperwire.notify.http.port}, default 8080 (0: a free port)
 * @param apiToken                {@code paperwire.notify.api.token}: bearer token for API writes; no default
 *                                (empty: every write is refused)
 * @param publicBaseUrl           {@code paperwire.notify.public.base.url}, default {@code http://localhost:8080}:
 *                                base of links in mails (unsubscribe)
 * @param subscriptionWriteTimeout {@code paperwire.notify.subscription.write.timeout} (ISO-8601), default PT10S:
 *                                how long an API write waits for the broker and for its own record to be read back
 * @param deadLetterMaxValueBytes {@code paperwire.notify.dead.letter.max.value.bytes}, default 262144
 * @param streamsOverrides        every other key, passed to Kafka Streams as is
 */
public record NotifyConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl, Path stateDir,
                           int streamThreads, Duration commitInterval, String httpHost, int httpPort,
                           String apiToken, String publicBaseUrl, Duration subscriptionWriteTimeout,
                           int deadLetterMaxValueBytes, Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "paperwire-notify";
    public static final String HTTP_HOST = "paperwire.notify.http.host";
    public static final String HTTP_PORT = "paperwire.notify.http.port";
    public static final String API_TOKEN = "paperwire.notify.api.token";
    public static final String PUBLIC_BASE_URL = "paperwire.notify.public.base.url";
    public static final String SUBSCRIPTION_WRITE_TIMEOUT = "paperwire.notify.subscription.write.timeout";
    public static final String DEAD_LETTER_MAX_VALUE_BYTES = "paperwire.notify.dead.letter.max.value.bytes";
    private static final String OWN_PREFIX = "paperwire.notify.";
    private static final Set<String> OWN_KEYS = Set.of(StreamsConfig.APPLICATION_ID_CONFIG,
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            StreamsConfig.STATE_DIR_CONFIG, StreamsConfig.NUM_STREAM_THREADS_CONFIG,
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, HTTP_HOST, HTTP_PORT, API_TOKEN, PUBLIC_BASE_URL,
            SUBSCRIPTION_WRITE_TIMEOUT, DEAD_LETTER_MAX_VALUE_BYTES);

    public NotifyConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(httpHost, "httpHost");
        apiToken = apiToken == null ? "" : apiToken;
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(subscriptionWriteTimeout, "subscriptionWriteTimeout");
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException(HTTP_PORT + " must be in 0..65535, was " + httpPort);
        }
        if (deadLetterMaxValueBytes <= 0) {
            throw new IllegalArgumentException(DEAD_LETTER_MAX_VALUE_BYTES + " must be positive");
        }
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    /** One stream thread per core, at most 4 (each takes at most one partition of {@code papers.enriched}). */
    public static final int DEFAULT_STREAM_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public static NotifyConfig defaults() {
        return new NotifyConfig(DEFAULT_APPLICATION_ID, "localhost:9092", "http://localhost:8081",
                Path.of(System.getProperty("java.io.tmpdir"), "paperwire", "notify-state"), DEFAULT_STREAM_THREADS,
                Duration.ofMillis(100), "127.0.0.1", 8080, "", "http://localhost:8080", Duration.ofSeconds(10),
                256 * 1024, Map.of());
    }

    /**
     * The defaults overridden by {@code settings}.
     *
     * @throws IllegalArgumentException naming the setting when a value is malformed or a
     *                                  {@code paperwire.notify.*} key is unknown
     */
    public static NotifyConfig fromMap(Map<String, String> settings) {
        NotifyConfig d = defaults();
        Map<String, String> overrides = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (!OWN_KEYS.contains(key)) {
                if (key.startsWith(OWN_PREFIX)) {
                    throw new IllegalArgumentException("unknown setting " + key + " (known: "
                            + new TreeSet<>(OWN_KEYS) + ")");
                }
                overrides.put(key, value);
            }
        });
        return new NotifyConfig(
                settings.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, d.applicationId()),
                settings.getOrDefault(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, d.bootstrapServers()),
                settings.getOrDefault(AvroSerdeConfig.SCHEMA_REGISTRY_URL, d.schemaRegistryUrl()),
                settings.containsKey(StreamsConfig.STATE_DIR_CONFIG)
                        ? Path.of(settings.get(StreamsConfig.STATE_DIR_CONFIG)) : d.stateDir(),
                integer(settings, StreamsConfig.NUM_STREAM_THREADS_CONFIG, d.streamThreads()),
                settings.containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                        ? Duration.ofMillis(integer(settings, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 0))
                        : d.commitInterval(),
                settings.getOrDefault(HTTP_HOST, d.httpHost()),
                integer(settings, HTTP_PORT, d.httpPort()),
                settings.getOrDefault(API_TOKEN, d.apiToken()),
                settings.getOrDefault(PUBLIC_BASE_URL, d.publicBaseUrl()),
                duration(settings, SUBSCRIPTION_WRITE_TIMEOUT, d.subscriptionWriteTimeout()),
                integer(settings, DEAD_LETTER_MAX_VALUE_BYTES, d.deadLetterMaxValueBytes()),
                overrides);
    }

    /** This configuration with another application id and state directory (tests, second deployments). */
    public NotifyConfig withInstance(String newApplicationId, Path newStateDir) {
        return new NotifyConfig(newApplicationId, bootstrapServers, schemaRegistryUrl, newStateDir, streamThreads,
                commitInterval, httpHost, httpPort, apiToken, publicBaseUrl, subscriptionWriteTimeout,
                deadLetterMaxValueBytes, streamsOverrides);
    }

    /** This configuration with other broker and registry addresses. */
    public NotifyConfig withServers(String newBootstrapServers, String newSchemaRegistryUrl) {
        return new NotifyConfig(applicationId, newBootstrapServers, newSchemaRegistryUrl, stateDir, streamThreads,
                commitInterval, httpHost, httpPort, apiToken, publicBaseUrl, subscriptionWriteTimeout,
                deadLetterMaxValueBytes, streamsOverrides);
    }

    /** This configuration with another HTTP port and API token. */
    public NotifyConfig withHttp(int newPort, String newApiToken) {
        return new NotifyConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, streamThreads,
                commitInterval, httpHost, newPort, newApiToken, publicBaseUrl, subscriptionWriteTimeout,
                deadLetterMaxValueBytes, streamsOverrides);
    }

    /** The serde settings for {@code PaperwireTopics#fromConfig(Map)}. */
    public Map<String, Object> serdeConfig() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    }

    /** The Kafka Streams properties: exactly-once v2, the settings above, the overrides, then {@code extra}. */
    public Properties streamsProperties(Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putAll(streamsOverrides);
        props.putAll(extra);
        return props;
    }
}
