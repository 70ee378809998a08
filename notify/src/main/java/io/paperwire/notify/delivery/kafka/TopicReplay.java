package io.paperwire.notify.delivery.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads every partition of one topic, without a consumer group, up to the end offsets it saw when it started or
 * when {@link #catchUp} is called: the way to rebuild a table (the delivery ledger, the latest trending scores) from
 * a compacted or keyed topic. Input: a consumer given in, which this class assigns; output: each record, in offset
 * order per partition, to the handler.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TopicReplay<K, V> implements AutoCloseable {

    private final org.apache.kafka.clients.consumer.Consumer<K, V> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;

    /**
     * Assigns every partition of {@code topic} to {@code consumer} from the beginning.
     *
     * @throws IllegalStateException when the topic does not exist within {@code timeout}
     */
    public TopicReplay(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, String topic, Duration timeout) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.topic = Objects.requireNonNull(topic, "topic");
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic '" + topic + "' does not exist; create it before starting");
        }
        this.partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Hands every record up to the current end offsets to {@code handler}; returns how many.
     *
     * @throws TimeoutException when the end is not reached within {@code timeout}
     */
    public int catchUp(Consumer<ConsumerRecord<K, V>> handler, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        int read = 0;
        while (!reached(end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("could not read '" + topic + "' to offsets " + end + " within " + timeout);
            }
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(100))) {
                handler.accept(record);
                read++;
            }
        }
        return read;
    }

    /**
     * Moves every partition to the first record with a timestamp at or after {@code from} (to the end where there is
     * none), so that {@link #catchUp} reads only what came since.
     */
    public void seekTo(Instant from, Duration timeout) {
        Map<TopicPartition, Long> query = new java.util.HashMap<>();
        partitions.forEach(p -> query.put(p, from.toEpochMilli()));
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> found =
                consumer.offsetsForTimes(query, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        for (TopicPartition p : partitions) {
            org.apache.kafka.clients.consumer.OffsetAndTimestamp at = found.get(p);
            consumer.seek(p, at != null ? at.offset() : end.get(p));
        }
    }

    /** Hands over what has arrived since the last call, waiting at most {@code wait}; returns how many records. */
    public int pollNew(Consumer<ConsumerRecord<K, V>> handler, Duration wait) {
        int read = 0;
        for (ConsumerRecord<K, V> record : consumer.poll(wait)) {
            handler.accept(record);
            read++;
        }
        return read;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The topic read. */
    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
