package io.paperwire.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Client settings for ingest: the transactional producer and the {@code read_committed} replay consumers. Settings
 * given by the caller win; the defaults below only fill gaps.
 */
public final class IngestProducerConfig {

    /** The default {@code transactional.id}: one ingest process per cluster; a second one fences the first. */
    public static final String DEFAULT_TRANSACTIONAL_ID = "paperwire-ingest";
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(20);

    private IngestProducerConfig() {
    }

    /**
     * Producer: idempotent, {@code acks=all}, lz4 compression, {@code linger.ms} 20, 128 KiB batches, transactional.
     * Keys and values are bytes: each topic's serdes serialise them, so one transaction spans all four topics.
     *
     * <p>lz4 rather than zstd: the producer compresses on the publishing thread and the broker decompresses to
     * validate, and zstd cost about 35 µs of the publishing thread and 20 µs of the broker per paper (a third of
     * ingest's CPU, docs/ingest.md "Where the time goes"); lz4 costs a fraction of that and still compresses.
     */
    public static Map<String, Object> producer(String bootstrapServers, String transactionalId,
            Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(overrides);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, (int) DEFAULT_LINGER.toMillis());
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(1).toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** Consumer for replaying a topic to its end: {@code read_committed}, no group, no offset commits. */
    public static Map<String, Object> replayConsumer(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(overrides);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "paperwire-ingest-replay");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
