package io.paperwire.schemas.serde;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RecordDeserializationException.DeserializationExceptionOrigin;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes raw records ({@code ConsumerRecord<byte[], byte[]>}, as read by a consumer that must never fail on bad
 * data, e.g. on a dead-letter path) into typed ones. A record that does not decode raises Kafka's own
 * {@link RecordDeserializationException}, the same type a typed {@code KafkaConsumer} throws, whose message names
 * topic, partition, offset and whether key or value failed, e.g.
 * {@code papers.published partition 2 offset 17: value: papers.published: unknown magic byte 0x7b (expected 0x00):
 * not Confluent wire format}; it keeps the raw key and value bytes and the cause (often a {@link WireFormatException}).
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RecordDecoder<K, V> {

  private final Deserializer<K> keyDeserializer;
  private final Deserializer<V> valueDeserializer;

  /** A decoder using ready (configured) deserializers. */
  public RecordDecoder(Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
    this.keyDeserializer = Objects.requireNonNull(keyDeserializer, "keyDeserializer");
    this.valueDeserializer = Objects.requireNonNull(valueDeserializer, "valueDeserializer");
  }

  /**
   * The typed record with the same topic, partition, offset, timestamp, headers and leader epoch.
   *
   * @throws RecordDeserializationException naming topic, partition, offset and key or value, when either fails
   */
  public ConsumerRecord<K, V> decode(ConsumerRecord<byte[], byte[]> raw) {
    K key = decodePart(raw, DeserializationExceptionOrigin.KEY, keyDeserializer, raw.key());
    V value = decodePart(raw, DeserializationExceptionOrigin.VALUE, valueDeserializer, raw.value());
    return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(), raw.timestampType(),
        raw.serializedKeySize(), raw.serializedValueSize(), key, value, raw.headers(), raw.leaderEpoch());
  }

  private static <T> T decodePart(ConsumerRecord<byte[], byte[]> raw, DeserializationExceptionOrigin origin,
      Deserializer<T> deserializer, byte[] bytes) {
    try {
      return deserializer.deserialize(raw.topic(), raw.headers(), bytes);
    } catch (RuntimeException e) {
      String part = origin == DeserializationExceptionOrigin.KEY ? "key" : "value";
      throw new RecordDeserializationException(origin, new TopicPartition(raw.topic(), raw.partition()),
          raw.offset(), raw.timestamp(), raw.timestampType(), buffer(raw.key()), buffer(raw.value()),
          raw.headers(), raw.topic() + " partition " + raw.partition() + " offset " + raw.offset() + ": " + part
              + ": " + e.getMessage(), e);
    }
  }

  private static ByteBuffer buffer(byte[] bytes) {
    return bytes == null ? null : ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }
}
