package io.paperwire.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller) running in this JVM from the real
 * Kafka server artifacts. Its log directory lives under the given data directory, so a restart on the same directory
 * keeps topics, records and committed offsets.
 *
 * <p>Ports are fixed before start-up (the controller quorum is static). Both ports are checked before the broker
 * starts, because the Kafka server halts the JVM on a fatal fault such as a port in use; while an embedded broker
 * runs, Kafka's halt and exit procedures are replaced by ones that log and fail the broker instead of the process.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final Config config;
    private final KafkaRaftServer server;
    private volatile boolean closed;

    /** How to run the broker. A port of 0 picks a free port at start. */
    public record Config(Path dataDir, String host, int port, int controllerPort, Map<String, String> overrides) {
        public Config {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(host, "host");
            overrides = Map.copyOf(overrides);
        }

        /** Defaults for a broker under {@code dataDir}: any free ports on localhost. */
        public static Config of(Path dataDir) {
            return new Config(dataDir, "localhost", 0, 0, Map.of());
        }

        public Config withPorts(int port, int controllerPort) {
            return new Config(dataDir, host, port, controllerPort, overrides);
        }

        public Config withOverrides(Map<String, String> extra) {
            var merged = new java.util.HashMap<>(overrides);
            merged.putAll(extra);
            return new Config(dataDir, host, port, controllerPort, merged);
        }
    }

    private EmbeddedKafka(Config config, KafkaRaftServer server) {
        this.config = config;
        this.server = server;
    }

    /** Starts a broker under {@code dataDir} on free ports. */
    public static EmbeddedKafka start(Path dataDir) {
        return start(Config.of(dataDir));
    }

    /**
     * Starts a broker. Formats the log directory on first use (when it holds no {@code meta.properties}), then starts
     * the server and waits until it answers an admin request.
     *
     * @throws IllegalStateException when a port is in use or the broker does not come up
     */
    public static EmbeddedKafka start(Config requested) {
        Config config = requested.withPorts(
                requested.port() == 0 ? freePort(requested.host()) : requested.port(),
                requested.controllerPort() == 0 ? freePort(requested.host()) : requested.controllerPort());
        ensurePortFree(config.host(), config.port(), "broker");
        ensurePortFree(config.host(), config.controllerPort(), "controller");

        Path logDir = config.dataDir().resolve("kafka").toAbsolutePath();
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }

        installFailSafeExit();
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(serverProperties(config, logDir), false);
        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IllegalStateException("the embedded Kafka broker failed to start: " + e.getMessage(), e);
        }
        EmbeddedKafka broker = new EmbeddedKafka(config, server);
        broker.awaitReady(Duration.ofSeconds(60));
        log.info("Kafka broker (KRaft, in-process) listening on {} with data in {}", broker.bootstrapServers(), logDir);
        return broker;
    }

    /** {@code host:port} of the broker, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return config.host() + ":" + config.port();
    }

    /** The configuration the broker runs with, ports resolved; start a new broker with it to restart on the same ports. */
    public Config config() {
        return config;
    }

    /** A new admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "paperwire-embedded-admin"));
    }

    /** Creates the topics that do not exist yet and waits until every partition of each answers. */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            TopicInitializer.createAndAwait(admin, topics, Duration.ofSeconds(60));
        }
    }

    /** Creates one topic (idempotently) and waits until it is ready. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)));
    }

    /** Stops the broker; waits for a clean shutdown so that a restart on the same directory is fast. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    private void awaitReady(Duration timeout) {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the embedded Kafka broker on " + bootstrapServers()
                    + " did not answer within " + timeout.toSeconds() + " s: " + e.getMessage(), e);
        }
    }

    private static Properties serverProperties(Config config, Path logDir) {
        String host = config.host();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + config.controllerPort());
        p.put("listeners", "PLAINTEXT://" + host + ":" + config.port() + ",CONTROLLER://" + host + ":" + config.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + config.port());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        config.overrides().forEach(p::put);
        return p;
    }

    private static void format(Path logDir) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        new Formatter()
                .setPrintStream(quiet)
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
        log.info("formatted a new KRaft log directory in {}", logDir);
    }

    private static void installFailSafeExit() {
        Exit.setHaltProcedure((status, message) -> {
            log.error("the embedded Kafka broker hit a fatal fault (halt {}): {}", status, message);
            throw new IllegalStateException("embedded Kafka broker fatal fault: " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            log.error("the embedded Kafka broker asked to exit ({}): {}", status, message);
            throw new IllegalStateException("embedded Kafka broker exit: " + message);
        });
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    private static void ensurePortFree(String host, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded Kafka " + what + ": port " + port + " on " + host
                    + " is in use (choose another with --kafka-port / --controller-port, or stop what holds it)");
        }
    }
}
