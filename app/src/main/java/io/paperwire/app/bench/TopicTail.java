package io.paperwire.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what is written to a topic after a starting point. In: a topic and its deserializers. Out: the committed
 * records ({@code read_committed}) written after the tail was opened, handed to a callback as they are polled, and
 * how many there were. Assigns every partition itself (no consumer group), so it never disturbs a group and works
 * the same on a fresh embedded broker and on a cluster that already holds records.
 */
final class TopicTail<K, V> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<K, V> consumer;
    private final List<TopicPartition> partitions;
    private long count;
    private long bytes;

    private TopicTail(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
    }

    /** A tail positioned at the current end of {@code topic}: it sees only what is committed from now on. */
    static <K, V> TopicTail<K, V> fromNow(String bootstrapServers, String topic, Deserializer<K> keys,
                                          Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperwire-bench-tail-" + UUID.randomUUID());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            ends.forEach(consumer::seek);
            return new TopicTail<>(consumer, partitions);
        } catch (RuntimeException e) {
            consumer.close(Duration.ofSeconds(5));
            throw e;
        }
    }

    /** Polls once (at most 100 ms), hands each record to {@code each}, and returns how many came. */
    int poll(Consumer<ConsumerRecord<K, V>> each) {
        int polled = 0;
        for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
            each.accept(record);
            bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            polled++;
        }
        count += polled;
        return polled;
    }

    /** True when every committed record up to the current end of the topic was read. */
    boolean atEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, Duration.ofSeconds(30)) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** Records read so far. */
    long count() {
        return count;
    }

    /** Serialized key and value bytes read so far. */
    long bytes() {
        return bytes;
    }

    /** The partitions of the topic. */
    List<TopicPartition> partitions() {
        return partitions;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
