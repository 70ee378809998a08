package io.paperwire.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Kafka {@code Serde} for a generated Avro class in the Confluent wire format: {@link KafkaAvroSerializer} plus a
 * {@link KafkaAvroDeserializer} that reads into the class (resolving the writer's schema, fetched by id, against the
 * class's schema).
 *
 * @param <T> the generated record class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

  /** A ready serde for {@code type} sharing {@code registry}; {@code configs} holds the serde settings. */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
    super(new KafkaAvroSerializer<>(registry, configs, isKey), specificDeserializer(type, registry, configs));
  }

  /** A serde for {@code type} to be configured by {@link #configure} (which creates the registry client). */
  public SpecificAvroSerde(Class<T> type) {
    super(new KafkaAvroSerializer<>(), new KafkaAvroDeserializer<>(type));
  }

  private static <T> KafkaAvroDeserializer<T> specificDeserializer(Class<T> type, SchemaRegistryClient registry,
      Map<String, ?> configs) {
    KafkaAvroDeserializer<T> deserializer = new KafkaAvroDeserializer<>(registry, type);
    deserializer.configure(configs, false);
    return deserializer;
  }
}
