package io.paperwire.ingest.publish;

import io.paperwire.schemas.Topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic, from the beginning to the end offsets found at the start of the replay, and hands every
 * committed record to a callback. The consumer must be {@code read_committed} (see
 * {@link IngestProducerConfig#replayConsumer}): then the end offset is the last stable offset, and records of aborted
 * or still open transactions are never seen. A record the value serde cannot read is logged and skipped.
 */
public final class TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private TopicReplay() {
    }

    /**
     * @return how many records were handed to {@code sink}
     * @throws IllegalStateException when the topic does not exist or the end is not reached within {@code timeout}
     */
    public static <V> long replay(Consumer<byte[], byte[]> consumer, Topic<String, V> topic,
            Duration timeout, BiConsumer<String, V> sink) {
        Instant deadline = Clock.systemUTC().instant().plus(timeout);
        List<PartitionInfo> partitions = consumer.partitionsFor(topic.name(), timeout);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic.name() + " does not exist; create it before ingesting");
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
        long count = 0;
        long skipped = 0;
        while (!reached(consumer, end)) {
            if (Clock.systemUTC().instant().isAfter(deadline)) {
                throw new IllegalStateException("reading " + topic.name() + " to its end took longer than "
                        + timeout.toSeconds() + " s (end offsets " + end + ")");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    String key = topic.keySerde().deserializer().deserialize(record.topic(), record.key());
                    V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    if (value != null) {
                        sink.accept(key, value);
                        count++;
                    }
                } catch (SerializationException e) {
                    skipped++;
                    log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
        }
        consumer.unsubscribe();
        if (skipped > 0) {
            log.warn("{}: {} unreadable records skipped during replay", topic.name(), skipped);
        }
        return count;
    }

    private static boolean reached(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
