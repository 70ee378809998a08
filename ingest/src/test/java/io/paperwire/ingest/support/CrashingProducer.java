package io.paperwire.ingest.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * A real producer that "dies" at its n-th commit: the batch's records are flushed to the broker, then instead of
 * committing it throws {@link Crash} (an Error, like a killed process nothing catches), leaving the transaction open.
 */
public final class CrashingProducer implements Producer<byte[], byte[]> {

    /** The simulated death of the process. */
    public static final class Crash extends Error {
        public Crash(String message) {
            super(message);
        }
    }

    private final Producer<byte[], byte[]> real;
    private final int crashAtCommit;
    private int commits;

    public CrashingProducer(Producer<byte[], byte[]> real, int crashAtCommit) {
        this.real = real;
        this.crashAtCommit = crashAtCommit;
    }

    @Override
    public void commitTransaction() {
        commits++;
        if (commits == crashAtCommit) {
            real.flush();
            throw new Crash("simulated crash before commit #" + commits);
        }
        real.commitTransaction();
    }

    @Override
    public void initTransactions() {
        real.initTransactions();
    }

    @Override
    public void beginTransaction() {
        real.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata) {
        real.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void abortTransaction() {
        real.abortTransaction();
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        real.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        real.unregisterMetricFromSubscription(metric);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return real.send(record);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        return real.send(record, callback);
    }

    @Override
    public void flush() {
        real.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return real.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return real.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return real.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        real.close();
    }

    @Override
    public void close(Duration timeout) {
        real.close(timeout);
    }
}
