package io.paperwire.app.scenarios;

import java.nio.file.Path;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;

/** The embedded stack: paperwire's in-JVM KRaft broker and its own registry, on free ports, state under a directory. */
final class EmbeddedStack implements Stack {

    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;

    private EmbeddedStack(EmbeddedKafka kafka, SchemaRegistryServer registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    static EmbeddedStack start(Path dir) {
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"));
        try {
            return new EmbeddedStack(kafka, SchemaRegistryServer.start(
                    RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0)));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    @Override
    public String description() {
        return "embedded broker + paperwire registry";
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        String url = registry.url().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        registry.close();
        kafka.close();
    }
}
