package io.paperwire.app.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a topic from the beginning (committed records only, a throw-away consumer group) until it has at least a
 * given number of records and the topic has then been quiet for a number of polls, or a time limit passes. For
 * commands that show what a topic holds now, such as the demo.
 */
public final class TopicSnapshot {

    private static final Duration POLL = Duration.ofMillis(500);

    private TopicSnapshot() {
    }

    /**
     * @param atLeast    records to wait for before quiet polls count
     * @param quietPolls empty polls in a row (of 0.5 s) that end the read once {@code atLeast} records were read
     * @param timeout    the most the read may take
     */
    public static <V> List<ConsumerRecord<String, V>> read(Platform platform, Topic<String, V> topic, int atLeast,
                                                           int quietPolls, Duration timeout) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "paperwire-snapshot-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plus(timeout);
            int quiet = 0;
            while (Instant.now().isBefore(deadline) && !(records.size() >= atLeast && quiet >= quietPolls)) {
                var batch = consumer.poll(POLL);
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    quiet++;
                } else if (!batch.isEmpty()) {
                    quiet = 0;
                }
                batch.forEach(records::add);
            }
        }
        return records;
    }

    /** The values of {@link #read}. */
    public static <V> List<V> values(Platform platform, Topic<String, V> topic, int atLeast, int quietPolls,
                                     Duration timeout) {
        return read(platform, topic, atLeast, quietPolls, timeout).stream().map(ConsumerRecord::value).toList();
    }
}
