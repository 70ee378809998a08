package io.paperwire.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry topic as a log: one thread reads it from the beginning and hands every record to the state, in order;
 * writers produce a record and wait until that thread has read it back, and readers can wait until everything
 * written so far has been read.
 *
 * <p>In: the single-partition compacted topic. Out: records given to the {@code applier}; new records on the topic.
 * The admin, producer and consumer are passed in and closed by {@link #close()}.
 */
final class KafkaStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaStore.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration READY_RETRY_PAUSE = Duration.ofMillis(100);

    private final TopicPartition partition;
    private final Admin admin;
    private final Producer<String, String> producer;
    private final Consumer<String, String> consumer;
    private final BiConsumer<String, String> applier;
    private final Duration timeout;
    private final Thread reader;
    private final Object positionChanged = new Object();
    private long position;
    private RuntimeException readerFailure;
    private volatile boolean running = true;

    KafkaStore(String topic, Admin admin, Producer<String, String> producer, Consumer<String, String> consumer,
               BiConsumer<String, String> applier, Duration timeout) {
        this.partition = new TopicPartition(topic, 0);
        this.admin = admin;
        this.producer = producer;
        this.consumer = consumer;
        this.applier = applier;
        this.timeout = timeout;
        this.reader = new Thread(this::readForever, "registry-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic when it is missing (one partition, compacted, replication up to 3), checks an existing one,
     * and waits until it answers {@code listOffsets}: Kafka 4.1–4.4 can lose records from an idempotent producer that
     * writes right after a topic is created (KAFKA-15591 / KAFKA-19880).
     *
     * @throws IllegalStateException when the topic cannot be created, has more than one partition, or is not ready
     */
    static void ensureTopic(Admin admin, String topic, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            Set<String> existing = admin.listTopics().names().get(millisUntil(deadline), TimeUnit.MILLISECONDS);
            if (existing.contains(topic)) {
                checkExisting(admin, topic, deadline);
            } else {
                int brokers = admin.describeCluster().nodes().get(millisUntil(deadline), TimeUnit.MILLISECONDS).size();
                NewTopic newTopic = new NewTopic(topic, 1, (short) Math.max(1, Math.min(3, brokers)))
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(newTopic)).all().get(millisUntil(deadline), TimeUnit.MILLISECONDS);
                    log.info("created the registry topic {} (compacted, 1 partition)", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitListOffsets(admin, new TopicPartition(topic, 0), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the registry topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot prepare the registry topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void checkExisting(Admin admin, String topic, Instant deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(millisUntil(deadline), TimeUnit.MILLISECONDS).get(topic);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("the registry topic " + topic + " has " + description.partitions().size()
                    + " partitions; it must have exactly 1 so that every instance reads registrations in one order");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(millisUntil(deadline), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            log.warn("the registry topic {} has cleanup.policy={}, not compact: old schemas may be deleted", topic,
                    policy);
        }
    }

    private static void awaitListOffsets(Admin admin, TopicPartition partition, Instant deadline)
            throws InterruptedException, TimeoutException {
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all()
                        .get(millisUntil(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                last = e;
                TimeUnit.MILLISECONDS.sleep(READY_RETRY_PAUSE.toMillis());
            }
        }
        throw new TimeoutException("partition " + partition + " did not answer listOffsets in time"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    /** Starts reading the topic from the beginning and returns once everything in it has been applied. */
    void start() {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        reader.start();
        catchUp();
    }

    /**
     * Produces a record (a null value is a tombstone) and waits until the reader has applied it.
     *
     * @throws RegistryException 50001 when the write fails or is not read back in time
     */
    void write(String key, String value) {
        RecordMetadata metadata;
        try {
            metadata = producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted while writing to " + partition.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw RegistryException.storeError("cannot write to " + partition.topic() + ": " + cause, cause);
        } catch (KafkaException | IllegalStateException e) {
            throw RegistryException.storeError("cannot write to " + partition.topic() + ": " + e, e);
        }
        awaitPosition(metadata.offset() + 1);
    }

    /**
     * Waits until every record written to the topic before this call has been applied.
     *
     * @throws RegistryException 50001 when the end of the topic cannot be read in time
     */
    void catchUp() {
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("interrupted while reading the end of " + partition.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw RegistryException.storeError("cannot read the end of " + partition.topic() + ": " + cause, cause);
        }
        awaitPosition(end);
    }

    private void awaitPosition(long target) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (positionChanged) {
            while (position < target) {
                if (readerFailure != null) {
                    throw RegistryException.storeError("the reader of " + partition.topic() + " failed: "
                            + readerFailure.getMessage(), readerFailure);
                }
                long waitMillis = millisUntil(deadline);
                if (!Instant.now().isBefore(deadline)) {
                    throw RegistryException.storeError("offset " + target + " of " + partition.topic()
                            + " was not read back within " + timeout.toMillis() + " ms (read up to " + position + ")",
                            null);
                }
                try {
                    positionChanged.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("interrupted while reading " + partition.topic(), e);
                }
            }
        }
    }

    private void readForever() {
        try {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
                for (ConsumerRecord<String, String> record : records) {
                    if (record.key() != null) {
                        applier.accept(record.key(), record.value());
                    }
                }
                long next = consumer.position(partition);
                synchronized (positionChanged) {
                    position = next;
                    positionChanged.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                fail(new IllegalStateException("the reader was woken up while running", e));
            }
        } catch (RuntimeException e) {
            log.error("the reader of the registry topic {} stopped: {}", partition.topic(), e.toString(), e);
            fail(e);
        }
    }

    private void fail(RuntimeException failure) {
        synchronized (positionChanged) {
            readerFailure = failure;
            positionChanged.notifyAll();
        }
    }

    /** Stops the reader and closes the clients. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!reader.isAlive()) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static long millisUntil(Instant deadline) {
        return Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    }
}
