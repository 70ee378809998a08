package io.paperwire.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running schema registry: the HTTP server of {@link RegistryHttpApi} over the state kept in the registry topic.
 *
 * <p>In: {@link RegistryConfig} (the Kafka cluster, where to listen, the topic). Out: a REST endpoint at
 * {@link #url()} speaking the Confluent Schema Registry API for Avro. {@link #start} returns once the topic has been
 * read to its end; {@link #close()} stops HTTP and closes the Kafka clients.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int HTTP_THREADS = 4;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final KafkaStore store;
    private final URI url;
    private volatile boolean closed;

    private SchemaRegistryServer(HttpServer http, ExecutorService httpThreads, KafkaStore store, URI url) {
        this.http = http;
        this.httpThreads = httpThreads;
        this.store = store;
        this.url = url;
    }

    /**
     * Prepares the registry topic, reads it to the end, and starts serving HTTP.
     *
     * @throws IllegalStateException when Kafka is not reachable in {@code initTimeout}, the topic is unusable, or the
     *                               port cannot be bound
     */
    public static SchemaRegistryServer start(RegistryConfig config) {
        String clientId = "paperwire-registry-" + INSTANCES.incrementAndGet();
        Admin admin;
        try {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin"));
        } catch (KafkaException e) {
            throw new IllegalStateException("the schema registry cannot reach Kafka at " + config.bootstrapServers()
                    + " for its topic " + config.topic() + ": " + e.getMessage(), e);
        }
        KafkaStore store = null;
        try {
            KafkaStore.ensureTopic(admin, config.topic(), config.initTimeout());
            RegistryState state = new RegistryState();
            store = new KafkaStore(config.topic(), admin, producer(config, clientId), consumer(config, clientId),
                    state::apply, config.initTimeout());
            store.start();
            SchemaRegistry registry = new SchemaRegistry(state, store, config.defaultCompatibility());

            HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
            ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS, httpThreadFactory(clientId));
            http.setExecutor(threads);
            http.createContext("/", new RegistryHttpApi(registry));
            http.start();
            URI url = URI.create("http://" + config.host() + ":" + http.getAddress().getPort());
            log.info("schema registry listening on {} (state in topic {} on {})", url, config.topic(),
                    config.bootstrapServers());
            return new SchemaRegistryServer(http, threads, store, url);
        } catch (IOException e) {
            closeAfterFailedStart(store, admin);
            throw new IllegalStateException("the schema registry cannot listen on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        } catch (RegistryException e) {
            closeAfterFailedStart(store, admin);
            throw new IllegalStateException("the schema registry could not read its topic " + config.topic() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailedStart(store, admin);
            throw e;
        }
    }

    /** Closes what a failed start created: the store (which owns the admin client), else the admin client alone. */
    private static void closeAfterFailedStart(KafkaStore store, Admin admin) {
        if (store != null) {
            store.close();
        } else {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** Where the registry answers, e.g. {@code http://localhost:8081}. */
    public URI url() {
        return url;
    }

    /** Stops serving HTTP and closes the Kafka clients. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.stop(0);
        httpThreads.shutdown();
        try {
            if (!httpThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                httpThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            httpThreads.shutdownNow();
        }
        store.close();
        log.info("schema registry on {} stopped", url);
    }

    private static KafkaProducer<String, String> producer(RegistryConfig config, String clientId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, config.initTimeout().toMillis()),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(RegistryConfig config, String clientId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    private static ThreadFactory httpThreadFactory(String clientId) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, clientId + "-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
