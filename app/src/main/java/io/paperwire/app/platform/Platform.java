package io.paperwire.app.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.embedded.TopicInitializer;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka platform paperwire runs on: either an existing cluster and registry ({@code bootstrap.servers},
 * {@code schema.registry.url}), or the embedded default — a single-node KRaft broker and paperwire's
 * Confluent-compatible registry in this JVM, their state under {@code data.dir}. Creates paperwire's topics
 * (idempotently, waiting until they answer) when {@code topic.create} is on.
 */
public final class Platform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Platform.class);

    private final PaperwireConfig config;
    private final Optional<EmbeddedKafka> broker;
    private final Optional<SchemaRegistryServer> registry;
    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final TopicNames topicNames;

    private Platform(PaperwireConfig config, Optional<EmbeddedKafka> broker, Optional<SchemaRegistryServer> registry,
                     String bootstrapServers, String schemaRegistryUrl, TopicNames topicNames) {
        this.config = config;
        this.broker = broker;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.topicNames = topicNames;
    }

    /** Starts what is not given by configuration and creates the topics. */
    public static Platform start(PaperwireConfig config) {
        Optional<EmbeddedKafka> broker = Optional.empty();
        Optional<SchemaRegistryServer> registry = Optional.empty();
        try {
            String bootstrap = config.get(Settings.BOOTSTRAP_SERVERS).orElse(null);
            if (bootstrap == null) {
                Path dataDir = Path.of(config.require(Settings.DATA_DIR));
                EmbeddedKafka.Config brokerConfig = EmbeddedKafka.Config.of(dataDir)
                        .withPorts(config.getInt(Settings.KAFKA_PORT), config.getInt(Settings.KAFKA_CONTROLLER_PORT));
                brokerConfig = new EmbeddedKafka.Config(brokerConfig.dataDir(), config.require(Settings.HOST),
                        brokerConfig.port(), brokerConfig.controllerPort(), brokerConfig.overrides());
                broker = Optional.of(EmbeddedKafka.start(brokerConfig));
                bootstrap = broker.get().bootstrapServers();
            }
            String registryUrl = config.get(Settings.SCHEMA_REGISTRY_URL).orElse(null);
            if (registryUrl == null) {
                RegistryConfig registryConfig = RegistryConfig.defaults(bootstrap)
                        .withHost(config.require(Settings.HOST))
                        .withPort(config.getInt(Settings.REGISTRY_PORT));
                registry = Optional.of(SchemaRegistryServer.start(registryConfig));
                registryUrl = registry.get().url().toString();
            }
            TopicNames names = TopicNames.defaults();
            Platform platform = new Platform(config, broker, registry, bootstrap, stripSlash(registryUrl), names);
            if (config.getBoolean(Settings.TOPIC_CREATE)) {
                platform.createTopics();
            }
            return platform;
        } catch (RuntimeException e) {
            registry.ifPresent(SchemaRegistryServer::close);
            broker.ifPresent(EmbeddedKafka::close);
            throw e;
        }
    }

    /**
     * Like {@link #start}, but when no cluster is configured and a paperwire platform already listens on the
     * embedded ports (a {@code paperwire up} in another terminal), uses that one instead of starting a second broker.
     */
    public static Platform connectOrStart(PaperwireConfig config) {
        if (config.get(Settings.BOOTSTRAP_SERVERS).isEmpty() && config.get(Settings.SCHEMA_REGISTRY_URL).isEmpty()) {
            String host = config.require(Settings.HOST);
            int kafkaPort = config.getInt(Settings.KAFKA_PORT);
            int registryPort = config.getInt(Settings.REGISTRY_PORT);
            if (listening(host, kafkaPort) && listening(host, registryPort)) {
                log.info("using the paperwire platform already running on {}:{} (registry port {})", host, kafkaPort,
                        registryPort);
                return start(config.with(Settings.BOOTSTRAP_SERVERS, host + ":" + kafkaPort)
                        .with(Settings.SCHEMA_REGISTRY_URL, "http://" + host + ":" + registryPort));
            }
        }
        return start(config);
    }

    private static boolean listening(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Creates paperwire's topics that are missing and waits until each answers. */
    public List<String> createTopics() {
        List<TopicSpec> specs = TopicCatalog.specs(config, topicNames);
        try (Admin admin = admin()) {
            return TopicInitializer.createAndAwait(admin, specs.stream().map(TopicSpec::toNewTopic).toList(),
                    Duration.ofSeconds(60));
        }
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public TopicNames topicNames() {
        return topicNames;
    }

    public PaperwireConfig config() {
        return config;
    }

    /** True when this process runs the broker. */
    public boolean embeddedKafka() {
        return broker.isPresent();
    }

    /** True when this process runs the registry. */
    public boolean embeddedRegistry() {
        return registry.isPresent();
    }

    /** Serde settings for clients of this platform. */
    public Map<String, Object> serdeConfig() {
        return Map.of("schema.registry.url", schemaRegistryUrl,
                "auto.register.schemas", config.getBoolean(Settings.AUTO_REGISTER_SCHEMAS));
    }

    /** Stops the embedded registry, then the embedded broker. */
    @Override
    public void close() {
        registry.ifPresent(r -> {
            r.close();
            log.info("schema registry stopped");
        });
        broker.ifPresent(EmbeddedKafka::close);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
