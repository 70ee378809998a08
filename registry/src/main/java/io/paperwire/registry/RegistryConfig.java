package io.paperwire.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link SchemaRegistryServer}.
 *
 * @param bootstrapServers     the Kafka cluster that holds the registry's topic
 * @param host                 the interface the HTTP server binds to
 * @param port                 the HTTP port; 0 picks any free port (the product default is 8081)
 * @param topic                the compacted topic that holds every schema and setting
 * @param defaultCompatibility the global compatibility level until one is set through {@code PUT /config}
 * @param initTimeout          how long to wait for the topic at start (creation, reading it to the end), and for each
 *                             write to be read back
 */
public record RegistryConfig(String bootstrapServers, String host, int port, String topic,
                             CompatibilityLevel defaultCompatibility, Duration initTimeout) {

    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_TOPIC = "_schemas";

    public RegistryConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
        Objects.requireNonNull(initTimeout, "initTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (initTimeout.isNegative() || initTimeout.isZero()) {
            throw new IllegalArgumentException("initTimeout must be positive, got " + initTimeout);
        }
    }

    /** localhost, port 8081, topic {@code _schemas}, BACKWARD, 60 s to start. Tests use {@code withPort(0)}. */
    public static RegistryConfig defaults(String bootstrapServers) {
        return new RegistryConfig(bootstrapServers, "localhost", DEFAULT_PORT, DEFAULT_TOPIC, CompatibilityLevel.BACKWARD,
                Duration.ofSeconds(60));
    }

    public RegistryConfig withHost(String newHost) {
        return new RegistryConfig(bootstrapServers, newHost, port, topic, defaultCompatibility, initTimeout);
    }

    public RegistryConfig withPort(int newPort) {
        return new RegistryConfig(bootstrapServers, host, newPort, topic, defaultCompatibility, initTimeout);
    }

    public RegistryConfig withTopic(String newTopic) {
        return new RegistryConfig(bootstrapServers, host, port, newTopic, defaultCompatibility, initTimeout);
    }

    public RegistryConfig withDefaultCompatibility(CompatibilityLevel level) {
        return new RegistryConfig(bootstrapServers, host, port, topic, level, initTimeout);
    }

    public RegistryConfig withInitTimeout(Duration timeout) {
        return new RegistryConfig(bootstrapServers, host, port, topic, defaultCompatibility, timeout);
    }
}
