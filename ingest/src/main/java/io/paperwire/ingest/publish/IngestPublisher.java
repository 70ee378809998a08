package io.paperwire.ingest.publish;

import io.paperwire.schemas.Topic;

import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.Paper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link OutgoingBatch} in one Kafka transaction: papers to {@code papers.published}, signals to
 * {@code papers.signals}, dead letters to {@code deadletters}, and last the source's checkpoint to
 * {@code ingest.checkpoints}. Every send's result is checked before the commit; any failure aborts the transaction and
 * is thrown as {@link PublishException}, so a crash or failure at any point leaves either the whole batch (with its
 * checkpoint) or none of it.
 *
 * <p>The producer is passed in (configured by {@link IngestProducerConfig#producer}); {@link #initTransactions()}
 * must be called once before the first batch, and before the ledger is rebuilt, so that a previous instance with the
 * same {@code transactional.id} is fenced and its open transaction aborted first.
 */
public final class IngestPublisher implements BatchSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestPublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final IngestTopics topics;
    private final Duration closeTimeout;

    public IngestPublisher(Producer<byte[], byte[]> producer, IngestTopics topics, Duration closeTimeout) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    /** Registers the transactional id, fencing any earlier producer with the same id and aborting its transaction. */
    public void initTransactions() {
        producer.initTransactions();
    }

    @Override
    public void write(OutgoingBatch batch) throws PublishException {
        String sourceId = batch.checkpoint().getSourceId();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try {
            producer.beginTransaction();
            for (Paper paper : batch.papers()) {
                sends.add(send(topics.published(), paper.getKey(), paper));
            }
            for (EngagementSignal signal : batch.signals()) {
                sends.add(send(topics.signals(), signal.getPaperKey(), signal));
            }
            for (DeadLetter deadLetter : batch.deadLetters()) {
                sends.add(send(topics.deadLetters(), sourceId, deadLetter));
            }
            sends.add(send(topics.checkpoints(), sourceId, batch.checkpoint()));
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                | AuthorizationException e) {
            throw new PublishException("ingest producer can no longer write (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); is another ingest running with the same transactional.id?", true, e);
        } catch (ExecutionException e) {
            abort(sourceId);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PublishException("a send of the batch of " + sourceId + " failed: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), false, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(sourceId);
            throw new PublishException("interrupted while publishing the batch of " + sourceId, false, e);
        } catch (KafkaException e) {
            abort(sourceId);
            throw new PublishException("publishing the batch of " + sourceId + " failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), false, e);
        }
    }

    private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes));
    }

    private void abort(String sourceId) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.error("aborting the transaction of {}'s batch failed too: {}", sourceId, e.toString());
        }
    }

    @Override
    public void close() {
        producer.close(closeTimeout);
    }
}
