package io.paperwire.notify.delivery.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DeliveryLedger} whose truth is the compacted {@code deliveries} topic. Input on start: the whole topic,
 * read to its end offsets (the latest record per key wins; a tombstone forgets the key). Output: one record per
 * transition (key: the {@link DeliveryKey}, value: {@link LedgerEntryCodec} JSON), produced with acks=all by an
 * idempotent producer and acknowledged before the method returns, so an intent is durable before the send it
 * guards. A write that is not acknowledged throws {@link LedgerWriteException} and leaves the entry as it was.
 *
 * <p>Writes are serialised by one lock (a transition is a read-modify-write of one entry); reads are lock-free.
 * One ledger instance per process. Several processes share the topic by owning disjoint keys (a subscription's
 * deliveries are written by the delivery instance that owns its alerts partition); when ownership moves,
 * {@link #refresh()} reads what the previous owner wrote since this ledger was restored.
 */
public final class KafkaDeliveryLedger implements DeliveryLedger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDeliveryLedger.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration writeTimeout;
    private final LedgerEntryCodec codec;
    private final Map<DeliveryKey, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger unreadableRecords = new AtomicInteger();

    private final TopicReplay<String, byte[]> replay;

    private KafkaDeliveryLedger(Producer<String, byte[]> producer, TopicReplay<String, byte[]> replay, String topic,
                                Duration writeTimeout, LedgerEntryCodec codec) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.replay = Objects.requireNonNull(replay, "replay");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Rebuilds the ledger from {@code topic} with {@code restoreConsumer} (assigned, not in a group; kept for
     * {@link #refresh()} and closed by {@link #close}) and writes through {@code producer} (which must be idempotent with acks=all; see
     * {@link #producerConfig}; closed by {@link #close}).
     *
     * @param timeout how long the restore and each write may take
     */
    public static KafkaDeliveryLedger restore(org.apache.kafka.clients.consumer.Consumer<String, byte[]> restoreConsumer,
                                              Producer<String, byte[]> producer, String topic, Duration timeout) {
        TopicReplay<String, byte[]> replay = new TopicReplay<>(restoreConsumer, topic, timeout);
        KafkaDeliveryLedger ledger = new KafkaDeliveryLedger(producer, replay, topic, timeout,
                new LedgerEntryCodec(new ObjectMapper()));
        try {
            int read = replay.catchUp(ledger::apply, timeout);
            LOG.info("delivery ledger restored from '{}': {} records, {} entries ({} pending, {} dead), {} unreadable",
                    topic, read, ledger.entries.size(), ledger.pending().size(), ledger.dead().size(),
                    ledger.unreadableRecords.get());
        } catch (RuntimeException e) {
            replay.close();
            throw e;
        }
        return ledger;
    }

    /** {@link #restore} with clients built from {@code bootstrapServers} and the settings of this class. */
    public static KafkaDeliveryLedger open(String bootstrapServers, String topic, Duration timeout) {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        try {
            return restore(new KafkaConsumer<>(restoreConsumerConfig(bootstrapServers), new StringDeserializer(),
                    new ByteArrayDeserializer()), producer, topic, timeout);
        } catch (RuntimeException e) {
            producer.close(Duration.ofSeconds(5));
            throw e;
        }
    }

    /** Producer settings the ledger needs: acks=all, idempotence, no linger (every write waits for its ack). */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "paperwire-delivery-ledger");
        return config;
    }

    /** Consumer settings for the restore: no group, no commits, committed data only. */
    public static Map<String, Object> restoreConsumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperwire-delivery-ledger-restore");
        return config;
    }

    /** Topic settings of {@code deliveries}: compacted, so the latest state of every key is kept forever. */
    public static Map<String, String> topicConfig() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            unreadableRecords.incrementAndGet();
            LOG.error("ledger record without a key at {}-{}@{}: ignored", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        DeliveryKey key = new DeliveryKey(record.key());
        if (record.value() == null) {
            entries.remove(key);
            return;
        }
        try {
            entries.put(key, codec.decode(record.key(), record.value()));
        } catch (LedgerEntryCodec.LedgerFormatException e) {
            // Kept out of the state and counted: the record stays in the topic for inspection.
            unreadableRecords.incrementAndGet();
            LOG.error("unreadable ledger record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public Optional<Entry> find(DeliveryKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized Entry recordIntent(DeliveryKey key, String idempotencyKey, Instant at) {
        Entry existing = entries.get(key);
        if (existing != null) {
            if (existing.state() == State.PENDING && !existing.idempotencyKey().equals(idempotencyKey)) {
                throw new IllegalStateException("delivery " + key + " is pending with idempotency key '"
                        + existing.idempotencyKey() + "', not '" + idempotencyKey
                        + "': a resend must carry the same key");
            }
            return existing;
        }
        return write(new Entry(key, State.PENDING, idempotencyKey, 0, at, null));
    }

    @Override
    public synchronized void recordFailedAttempt(DeliveryKey key, String reason, Instant at) {
        Entry e = requirePresent(key);
        if (e.state() == State.PENDING) {
            write(new Entry(key, State.PENDING, e.idempotencyKey(), e.attempts() + 1, at, reason));
        }
    }

    @Override
    public synchronized void recordSent(DeliveryKey key, String receipt, Instant at) {
        Entry e = requirePresent(key);
        if (e.state() == State.PENDING) {
            write(new Entry(key, State.SENT, e.idempotencyKey(), e.attempts(), at, receipt));
        }
    }

    @Override
    public synchronized void recordDead(DeliveryKey key, String reason, Instant at) {
        Entry e = requirePresent(key);
        if (e.state() == State.PENDING) {
            write(new Entry(key, State.DEAD, e.idempotencyKey(), e.attempts(), at, reason));
        }
    }

    @Override
    public List<Entry> pending() {
        return inState(State.PENDING);
    }

    @Override
    public List<Entry> dead() {
        return inState(State.DEAD);
    }

    /** Every entry, oldest change first: what a report over all deliveries reads. */
    public List<Entry> all() {
        return entries.values().stream()
                .sorted(Comparator.comparing(Entry::updatedAt).thenComparing(e -> e.key().value()))
                .toList();
    }

    /** Records of the topic that could not be read on restore (logged with their offsets). */
    public int unreadableRecords() {
        return unreadableRecords.get();
    }

    private List<Entry> inState(State state) {
        return all().stream().filter(e -> e.state() == state).toList();
    }

    private Entry requirePresent(DeliveryKey key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new IllegalStateException("no intent recorded for delivery " + key
                    + ": record the intent before the send");
        }
        return e;
    }

    private Entry write(Entry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.key().value(), codec.encode(entry));
        try {
            producer.send(record).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerWriteException("interrupted while recording " + entry.state() + " of " + entry.key(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LedgerWriteException("could not record " + entry.state() + " of " + entry.key() + " in '"
                    + topic + "' within " + writeTimeout + ": " + e.getMessage(), e);
        }
        entries.put(entry.key(), entry);
        return entry;
    }

    /**
     * Reads the records written since the restore or the last refresh, by this process or another, so that entries of
     * deliveries whose ownership just moved here are current. Under the write lock: every write acknowledged before
     * is in the log, and each key ends at its latest record.
     */
    @Override
    public synchronized void refresh() {
        int read = replay.catchUp(this::apply, writeTimeout);
        LOG.debug("delivery ledger refreshed: {} records", read);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        replay.close();
    }

    /** A ledger transition that Kafka did not acknowledge; the entry is unchanged. */
    public static final class LedgerWriteException extends RuntimeException {
        public LedgerWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
