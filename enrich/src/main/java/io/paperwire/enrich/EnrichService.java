package io.paperwire.enrich;

import io.paperwire.enrich.topology.EnrichTopology;
import io.paperwire.schemas.PaperwireTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich app: builds {@link EnrichTopology} and one {@link KafkaStreams} client over it, starts and stops
 * it. Inputs and outputs are those of the topology. Lifecycle: {@link #start()} once, then {@link #close(Duration)}
 * (also {@link #close()}, for try-with-resources); {@link #state()} is the readiness signal ({@code RUNNING}).
 *
 * <p>Uncaught-exception policy: {@code SHUTDOWN_CLIENT}. Bad records never get here (the error handlers
 * dead-letter them), so what does is an infrastructure failure or a bug; replacing the thread would meet the same
 * record again, so the client stops, {@link #failure()} says why, and {@link #state()} becomes {@code ERROR} for
 * the supervisor (the {@code paperwire run enrich} command) to report and exit non-zero.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);
    /** How long {@link #close()} waits for a clean shutdown. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** A service over the given topics (their serdes share one registry client). Does no I/O. */
    public EnrichService(EnrichConfig config, PaperwireTopics topics) {
        this.config = Objects.requireNonNull(config, "config");
        Topology topology = EnrichTopology.buildTopology(config, topics);
        this.streams = new KafkaStreams(topology, EnrichTopology.streamsProperties(config, topics,
                Clock.systemUTC()));
        streams.setUncaughtExceptionHandler(error -> {
            failure.compareAndSet(null, error);
            log.error("enrich stream thread failed; shutting the client down", error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> log.info("enrich {} -> {}", before, now));
    }

    /** A service whose topics talk to the registry at {@link EnrichConfig#schemaRegistryUrl()}. */
    public static EnrichService fromConfig(EnrichConfig config) {
        return new EnrichService(config, PaperwireTopics.fromConfig(config.serdeConfig()));
    }

    /** Starts the stream threads; returns at once ({@link #state()} turns {@code RUNNING} when tasks are ready). */
    public void start() {
        log.info("starting enrich app {} against {} (state in {})", config.applicationId(),
                config.bootstrapServers(), config.stateDir());
        streams.start();
    }

    /** The client's state: {@code CREATED}, {@code REBALANCING}, {@code RUNNING}, …, {@code ERROR}. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Whether the app processes records. */
    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The error that stopped the app, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The Kafka Streams client, for interactive queries of the stores named in {@link EnrichTopology}. */
    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Stops the stream threads, committing what was processed, and waits at most {@code timeout}. The app leaves its
     * consumer group, so its partitions move to the other instances at once and, when it was the last one, the group
     * is empty at once (an operator can then reset its offsets, e.g. to replay {@code papers.published}).
     *
     * @return whether every thread stopped in time
     */
    public boolean close(Duration timeout) {
        boolean stopped = streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!stopped) {
            log.warn("enrich app did not stop within {}", timeout);
        }
        return stopped;
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }
}
