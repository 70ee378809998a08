package io.paperwire.ingest;

import io.paperwire.ingest.checkpoint.CheckpointStore;
import io.paperwire.ingest.dedup.PaperLedger;
import io.paperwire.ingest.http.Sleeper;
import io.paperwire.ingest.publish.BatchSink;
import io.paperwire.ingest.publish.DryRunSink;
import io.paperwire.ingest.publish.IngestProducerConfig;
import io.paperwire.ingest.publish.IngestPublisher;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.publish.TopicReplay;
import io.paperwire.ingest.source.PaperSource;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ready ingest: for Kafka, the transactional producer registered (fencing an earlier instance), then the ledger of
 * published papers rebuilt from {@code papers.published} and the checkpoints from {@code ingest.checkpoints}, both
 * read to their end with {@code read_committed}; for a dry run, an empty ledger and checkpoints and a JSON-lines
 * printer. {@link #run(List)} runs sources with an {@link IngestRunner}; one run at a time.
 *
 * <p>Order matters: fencing first, so that no transaction of a previous instance can commit after the replay.
 */
public final class IngestRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestRuntime.class);

    private final IngestRunner runner;
    private final Optional<IngestPublisher> publisher;

    private IngestRuntime(IngestRunner runner, Optional<IngestPublisher> publisher) {
        this.runner = runner;
        this.publisher = publisher;
    }

    /** Connects to Kafka with clients built from {@code options}. */
    public static IngestRuntime connect(IngestOptions options, IngestTopics topics, IngestListener listener) {
        Producer<byte[], byte[]> producer = new KafkaProducer<>(IngestProducerConfig.producer(
                options.bootstrapServers(), options.transactionalId(), options.producerOverrides()));
        try (Consumer<byte[], byte[]> replay = new KafkaConsumer<>(
                IngestProducerConfig.replayConsumer(options.bootstrapServers(), java.util.Map.of()))) {
            return connect(options, topics, producer, replay, Clock.systemUTC(), Sleeper.system(), listener);
        } catch (RuntimeException e) {
            producer.close(Duration.ofSeconds(5));
            throw e;
        }
    }

    /**
     * Connects with the given clients: registers {@code producer}'s transactional id, then replays the published
     * papers and checkpoints with {@code replayConsumer} (read_committed, no group), which is not kept.
     */
    public static IngestRuntime connect(IngestOptions options, IngestTopics topics, Producer<byte[], byte[]> producer,
            Consumer<byte[], byte[]> replayConsumer, Clock clock, Sleeper sleeper, IngestListener listener) {
        IngestPublisher publisher = new IngestPublisher(producer, topics, Duration.ofSeconds(30));
        publisher.initTransactions();
        PaperLedger ledger = new PaperLedger();
        long papers = TopicReplay.replay(replayConsumer, topics.published(), options.replayTimeout(),
                (key, paper) -> ledger.apply(paper));
        CheckpointStore checkpoints = new CheckpointStore();
        TopicReplay.replay(replayConsumer, topics.checkpoints(), options.replayTimeout(),
                (key, checkpoint) -> checkpoints.committed(checkpoint));
        log.info("ingest ready: {} published events replayed ({} papers known), {} source checkpoints", papers,
                ledger.size(), checkpoints.size());
        IngestRunner runner = new IngestRunner(publisher, ledger, checkpoints, options.identityRule(),
                options.runner(), clock, sleeper, listener);
        return new IngestRuntime(runner, Optional.of(publisher));
    }

    /** A dry run: events printed to {@code out} as JSON lines, nothing remembered between runs of the process. */
    public static IngestRuntime dryRun(IngestOptions options, PrintStream out, IngestListener listener) {
        BatchSink sink = new DryRunSink(out, DryRunSink.IngestTopicNames.defaults());
        IngestRunner runner = new IngestRunner(sink, new PaperLedger(), new CheckpointStore(),
                options.identityRule(), options.runner(), Clock.systemUTC(), Sleeper.system(), listener);
        return new IngestRuntime(runner, Optional.empty());
    }

    /** Runs {@code sources} until caught up; see {@link IngestRunner#run(List)}. */
    public IngestSummary run(List<? extends PaperSource> sources) {
        return runner.run(Objects.requireNonNull(sources, "sources"));
    }

    public IngestRunner runner() {
        return runner;
    }

    /** Stops a run in progress after its current batch. */
    public void requestStop() {
        runner.requestStop();
    }

    @Override
    public void close() {
        publisher.ifPresent(IngestPublisher::close);
    }
}
