package io.paperwire.app.scenarios;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;

/**
 * A Kafka cluster and a Confluent-compatible schema registry that the scenarios run on. paperwire reaches it as it
 * reaches any existing cluster: through {@code bootstrap.servers} and {@code schema.registry.url}
 * ({@link #paperwireConfig}), so nothing of paperwire's is embedded on top of it.
 */
interface Stack extends AutoCloseable {

    /** What runs, for messages, e.g. {@code embedded broker + paperwire registry}. */
    String description();

    /** Bootstrap servers reachable from the test JVM (and from processes it starts). */
    String bootstrapServers();

    /** The registry's URL, reachable from the test JVM (and from processes it starts). */
    String schemaRegistryUrl();

    /**
     * paperwire's configuration on this stack: its servers, state under {@code dataDir}, one broker's replication
     * factor, then {@code settings} (any paperwire setting, e.g. {@code mail.smtp.host}, {@code enrich.*}).
     */
    default PaperwireConfig paperwireConfig(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put(Settings.BOOTSTRAP_SERVERS, bootstrapServers());
        all.put(Settings.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        all.put(Settings.DATA_DIR, dataDir.toString());
        all.put(Settings.TOPIC_REPLICATION_FACTOR, "1");
        all.putAll(settings);
        return PaperwireConfig.of(all);
    }

    /** Stops what this stack started. */
    @Override
    void close();
}
