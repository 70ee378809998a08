package io.paperwire.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.observability.LogFormat;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares; turned into the flag layer of {@link PaperwireConfig}. */
public final class PlatformOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (see docs/configuration.md).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Use this schema registry instead of the embedded one.")
    String schemaRegistryUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "State of the embedded broker and services (default: ./data).")
    Path dataDir;

    @Option(names = "--host", paramLabel = "HOST", description = "Host the embedded servers bind to (default: localhost).")
    String host;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Port of the embedded broker (default: 9092).")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", description = "Port of the embedded KRaft controller (default: 9093).")
    Integer controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Port of the embedded schema registry (default: 8081).")
    Integer registryPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the subscriptions API and feeds (default: 8080).")
    Integer httpPort;

    /** The configuration: defaults, then {@code --config}, then {@code PAPERWIRE_*} environment, then these flags. */
    public PaperwireConfig load() {
        Map<String, String> flags = new HashMap<>();
        put(flags, Settings.BOOTSTRAP_SERVERS, bootstrapServers);
        put(flags, Settings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        put(flags, Settings.DATA_DIR, dataDir == null ? null : dataDir.toString());
        put(flags, Settings.HOST, host);
        put(flags, Settings.KAFKA_PORT, kafkaPort == null ? null : kafkaPort.toString());
        put(flags, Settings.KAFKA_CONTROLLER_PORT, controllerPort == null ? null : controllerPort.toString());
        put(flags, Settings.REGISTRY_PORT, registryPort == null ? null : registryPort.toString());
        put(flags, Settings.HTTP_PORT, httpPort == null ? null : httpPort.toString());
        PaperwireConfig config = PaperwireConfig.load(Optional.ofNullable(configFile), System.getenv(), flags);
        LogFormat.of(config).apply();
        return config;
    }

    private static void put(Map<String, String> flags, String name, String value) {
        if (value != null) {
            flags.put(name, value);
        }
    }
}
