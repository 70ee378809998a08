package io.paperwire.schemas;

import io.paperwire.schemas.serde.RecordDecoder;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values, so that code never pairs a topic with the wrong serde:
 * {@code Consumed.with(topic.keySerde(), topic.valueSerde())}, {@code new KafkaProducer<>(props,
 * topic.keySerde().serializer(), topic.valueSerde().serializer())}. Built by {@link PaperwireTopics}.
 *
 * @param name the topic name
 * @param keySerde serde of the keys
 * @param valueSerde serde of the values
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }

  /** A decoder for raw records of this topic that names topic, partition and offset when one does not decode. */
  public RecordDecoder<K, V> decoder() {
    return new RecordDecoder<>(keySerde.deserializer(), valueSerde.deserializer());
  }

  @Override
  public String toString() {
    return name;
  }
}
