package io.paperwire.schemas.serde;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Kafka {@code Serde} for {@link GenericRecord}s in the Confluent wire format: records are written with their own
 * schema and read with the writer's schema, fetched by id. For tools that handle any topic (dead-letter replay,
 * inspection) rather than one record type.
 */
public final class GenericAvroSerde extends Serdes.WrapperSerde<GenericRecord> {

  /** A ready serde sharing {@code registry}; {@code configs} holds the serde settings. */
  public GenericAvroSerde(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
    super(new KafkaAvroSerializer<>(registry, configs, isKey), new KafkaAvroDeserializer<>(registry, configs));
  }

  /** A serde to be configured by {@link #configure} (which creates the registry client). */
  public GenericAvroSerde() {
    super(new KafkaAvroSerializer<>(), new KafkaAvroDeserializer<>());
  }
}
