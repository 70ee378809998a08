package io.paperwire.notify.subscriptions;

import io.paperwire.notify.delivery.email.UnsubscribeTokens;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions as an in-memory view of the compacted {@code subscriptions} topic, which is the source of
 * truth: a write is a record, a delete a tombstone, both sent through the given producer (acks=all, idempotent).
 *
 * <p>In: the topic, read from the beginning by a reader thread with all partitions assigned (no consumer group).
 * Out: the view ({@link #get}, {@link #all}), and {@link SubscriptionListener}s told of each change. A write returns
 * once the broker acknowledged it <em>and</em> the reader has applied it, so the caller reads its own write. A
 * record that does not decode is logged with its offset and skipped.
 */
public final class SubscriptionStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final Topic<String, Subscription> topic;
    private final Producer<String, Subscription> producer;
    private final Consumer<String, Subscription> consumer;
    private final Duration writeTimeout;
    private final Map<String, Subscription> view = new ConcurrentHashMap<>();
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    private final Map<Integer, Long> appliedUpTo = new HashMap<>();
    private Map<TopicPartition, Long> startEndOffsets = Map.of();
    private boolean caughtUp;
    private RuntimeException readerFailure;
    private final Thread reader;
    private volatile boolean closing;

    /**
     * @param topic        the subscriptions topic with its serdes
     * @param producer     writes records and tombstones; should be idempotent with acks=all
     * @param consumer     reads the topic; used by the reader thread only, no group id needed
     * @param writeTimeout how long a write waits for the broker and for the reader
     */
    public SubscriptionStore(Topic<String, Subscription> topic, Producer<String, Subscription> producer,
                             Consumer<String, Subscription> consumer, Duration writeTimeout) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
        this.reader = new Thread(this::readLoop, "subscription-store-reader");
        this.reader.setDaemon(true);
    }

    /** Starts reading the topic from the beginning. */
    public void start() {
        reader.start();
    }

    /**
     * Adds a listener and tells it of every subscription already in the view; later changes follow on the reader
     * thread.
     */
    public void addListener(SubscriptionListener listener) {
        synchronized (progress) {
            listeners.add(listener);
            view.values().forEach(listener::upserted);
        }
    }

    /**
     * Waits until the view holds everything that was on the topic when the store started.
     *
     * @return whether it did within {@code timeout}
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!caughtUp) {
                failIfReaderDied();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /** The subscription with this id. */
    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(view.get(id));
    }

    /** Every subscription, oldest first. */
    public List<Subscription> all() {
        List<Subscription> all = new ArrayList<>(view.values());
        all.sort(Comparator.comparing(Subscription::getCreatedAt).thenComparing(Subscription::getId));
        return all;
    }

    /** The subscription whose unsubscribe token is {@code token}, compared in constant time per subscription. */
    public Optional<Subscription> findByUnsubscribeToken(String token) {
        Subscription found = null;
        for (Subscription s : view.values()) {
            if (UnsubscribeTokens.matches(s.getUnsubscribeToken(), token)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Writes a subscription and waits until the view has it.
     *
     * @throws SubscriptionWriteException when the broker does not acknowledge it or the reader does not see it in
     *                                    time
     */
    public Subscription put(Subscription subscription) {
        write(new ProducerRecord<>(topic.name(), subscription.getId(), subscription));
        return subscription;
    }

    /**
     * Deletes a subscription (a tombstone) and waits until the view has dropped it.
     *
     * @return whether it existed
     */
    public boolean delete(String id) {
        boolean existed = view.containsKey(id);
        write(new ProducerRecord<>(topic.name(), id, null));
        return existed;
    }

    private void write(ProducerRecord<String, Subscription> record) {
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        RecordMetadata written;
        try {
            written = producer.send(record).get(writeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriptionWriteException("interrupted while writing subscription " + record.key(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SubscriptionWriteException("the broker did not acknowledge subscription " + record.key()
                    + " within " + writeTimeout + ": " + e.getMessage(), e);
        }
        synchronized (progress) {
            while (appliedUpTo.getOrDefault(written.partition(), -1L) < written.offset()) {
                failIfReaderDied();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SubscriptionWriteException("subscription " + record.key() + " was written at "
                            + written + " but not read back within " + writeTimeout, null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SubscriptionWriteException("interrupted while waiting for subscription "
                            + record.key(), e);
                }
            }
        }
    }

    private void failIfReaderDied() {
        if (readerFailure != null) {
            throw new SubscriptionWriteException("the subscription reader stopped: " + readerFailure.getMessage(),
                    readerFailure);
        }
    }

    private void readLoop() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic.name())) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            synchronized (progress) {
                startEndOffsets = ends;
                checkCaughtUp(partitions);
            }
            while (!closing) {
                ConsumerRecords<String, Subscription> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (RecordDeserializationException e) {
                    log.error("skipping unreadable record in {} partition {} at offset {}: {}", topic.name(),
                            e.topicPartition().partition(), e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                    continue;
                }
                synchronized (progress) {
                    for (ConsumerRecord<String, Subscription> record : records) {
                        apply(record);
                    }
                    for (TopicPartition partition : partitions) {
                        appliedUpTo.put(partition.partition(), consumer.position(partition) - 1);
                    }
                    checkCaughtUp(partitions);
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                recordFailure(e);
            }
        } catch (RuntimeException e) {
            log.error("the subscription reader of {} stopped", topic.name(), e);
            recordFailure(e);
        }
    }

    private void recordFailure(RuntimeException e) {
        synchronized (progress) {
            readerFailure = e;
            progress.notifyAll();
        }
    }

    private void checkCaughtUp(Collection<TopicPartition> partitions) {
        if (caughtUp) {
            return;
        }
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < startEndOffsets.getOrDefault(partition, 0L)) {
                return;
            }
        }
        caughtUp = true;
        progress.notifyAll();
    }

    private void apply(ConsumerRecord<String, Subscription> record) {
        if (record.key() == null) {
            log.warn("ignoring a subscription record without key in {} partition {} at offset {}", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            if (view.remove(record.key()) != null) {
                listeners.forEach(listener -> listener.removed(record.key()));
            }
        } else {
            view.put(record.key(), record.value());
            listeners.forEach(listener -> listener.upserted(record.value()));
        }
    }

    /** Stops the reader and closes both clients. */
    public void close(Duration timeout) {
        closing = true;
        consumer.wakeup();
        try {
            reader.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reader.isAlive()) {
            consumer.close(timeout);
        }
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
