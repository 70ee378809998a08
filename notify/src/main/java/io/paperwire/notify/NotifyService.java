package io.paperwire.notify;

import io.paperwire.notify.alerting.AlertTopology;
import io.paperwire.notify.http.NotifyHttpServer;
import io.paperwire.notify.http.SubscriptionsApi;
import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.notify.subscriptions.SubscriptionStore;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notify service: the alerting Streams app ({@link AlertTopology}: {@code papers.enriched} + {@code
 * subscriptions} → {@code alerts}), the {@link SubscriptionStore} over {@code subscriptions}, and the HTTP server
 * with the subscriptions API. {@link #start} starts all three (the store caught up before the API serves);
 * {@link #close(Duration)} stops them in reverse order. A stream thread that dies of an error shuts the Streams
 * app down (policy {@code SHUTDOWN_CLIENT}): an infrastructure error is loud, never retried in a loop.
 */
public final class NotifyService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotifyService.class);

    private final PaperMatcher matcher;
    private final KafkaStreams streams;
    private final SubscriptionStore subscriptions;
    private final NotifyHttpServer http;

    private NotifyService(PaperMatcher matcher, KafkaStreams streams, SubscriptionStore subscriptions,
                          NotifyHttpServer http) {
        this.matcher = matcher;
        this.streams = streams;
        this.subscriptions = subscriptions;
        this.http = http;
    }

    /**
     * Starts the service.
     *
     * @param config  the settings
     * @param topics  the topics with their serdes
     * @param clock   time of writes and dead letters
     * @param startupTimeout how long to wait for the subscription store to catch up
     */
    public static NotifyService start(NotifyConfig config, PaperwireTopics topics, Clock clock,
                                      Duration startupTimeout) throws InterruptedException {
        Objects.requireNonNull(config, "config");
        PaperMatcher matcher = PaperMatcher.create();
        KafkaStreams streams = new KafkaStreams(AlertTopology.buildTopology(config, topics, matcher),
                AlertTopology.streamsProperties(config, topics, clock));
        streams.setUncaughtExceptionHandler(error -> {
            log.error("a notify stream thread died; shutting the Streams app down", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        SubscriptionStore store = subscriptionStore(config, topics.subscriptions());
        NotifyHttpServer http = null;
        try {
            store.start();
            if (!store.awaitCaughtUp(startupTimeout)) {
                throw new IllegalStateException("the subscriptions topic was not read within " + startupTimeout);
            }
            streams.start();
            http = NotifyHttpServer.start(config.httpHost(), config.httpPort(), 4);
            new SubscriptionsApi(store, config.apiToken(), new SecureRandom(), clock).registerOn(http);
            log.info("notify serving on {}", http.url());
            return new NotifyService(matcher, streams, store, http);
        } catch (RuntimeException | InterruptedException e) {
            if (http != null) {
                http.close(Duration.ZERO);
            }
            streams.close(Duration.ofSeconds(10));
            store.close(Duration.ofSeconds(10));
            throw e;
        }
    }

    private static SubscriptionStore subscriptionStore(NotifyConfig config, Topic<String, Subscription> topic) {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-subscriptions-writer");
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-subscriptions-reader-"
                        + UUID.randomUUID());
        return new SubscriptionStore(topic,
                new KafkaProducer<>(producerConfig, topic.keySerde().serializer(), topic.valueSerde().serializer()),
                new KafkaConsumer<>(consumerConfig, topic.keySerde().deserializer(),
                        topic.valueSerde().deserializer()),
                config.subscriptionWriteTimeout());
    }

    /** The Streams app, for its state and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The subscriptions view. */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /** The HTTP server, where other parts register their routes. */
    public NotifyHttpServer http() {
        return http;
    }

    /**
     * Stops the HTTP server, the Streams app and the store, each given up to {@code timeout}. The Streams app leaves
     * its consumer group, so that the group is empty at once (an operator can then reset its offsets, e.g. to
     * replay {@code papers.enriched}).
     */
    public void close(Duration timeout) {
        http.close(Duration.ofSeconds(1));
        streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        subscriptions.close(timeout);
        try {
            matcher.close();
        } catch (IOException e) {
            log.warn("closing the matcher failed", e);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
