package io.paperwire.app.scenarios;

import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real stack in containers: Apache Kafka ({@value #KAFKA_IMAGE}, KRaft) and the Confluent Schema Registry
 * ({@value #SCHEMA_REGISTRY_IMAGE}) on one Docker network, the same images as {@code docker-compose.yml}
 * ({@link ComposeFileTest} checks that). The broker and the registry are reached through their mapped ports.
 */
final class ContainerStack implements Stack {

    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    static final String SCHEMA_REGISTRY_IMAGE = "confluentinc/cp-schema-registry:8.1.0";
    private static final String KAFKA_ALIAS = "kafka";
    private static final int REGISTRY_PORT = 8081;

    private final Network network;
    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;

    private ContainerStack(Network network, KafkaContainer kafka, GenericContainer<?> registry) {
        this.network = network;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Why the container stack cannot run here, or empty when Docker answers. */
    static java.util.Optional<String> unavailableReason() {
        try {
            DockerClientFactory.instance().client();
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.of("Docker not available: " + e.getMessage());
        }
    }

    @SuppressWarnings("resource")
    static ContainerStack start() {
        Network network = Network.newNetwork();
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withNetwork(network)
                .withNetworkAliases(KAFKA_ALIAS)
                // A listener for the other containers on the network; the test JVM uses the mapped port.
                .withListener(KAFKA_ALIAS + ":19092");
        GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse(SCHEMA_REGISTRY_IMAGE))
                .withNetwork(network)
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_ALIAS + ":19092")
                .dependsOn(kafka)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));
        try {
            kafka.start();
            registry.start();
            return new ContainerStack(network, kafka, registry);
        } catch (RuntimeException e) {
            registry.stop();
            kafka.stop();
            network.close();
            throw e;
        }
    }

    @Override
    public String description() {
        return KAFKA_IMAGE + " + " + SCHEMA_REGISTRY_IMAGE;
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
    }

    @Override
    public void close() {
        registry.stop();
        kafka.stop();
        network.close();
    }
}
