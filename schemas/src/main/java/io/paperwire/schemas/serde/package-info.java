/**
 * Kafka serdes for paperwire's Avro records in the <b>Confluent wire format</b>, and a client for the
 * Confluent Schema Registry REST API.
 *
 * <p>Every serialised value is {@code [0x00][schema id: 4 bytes, big-endian][Avro binary body]}: a magic byte 0,
 * the id under which the writer's schema is registered, then the record encoded with Avro's binary encoder and the
 * writer's own schema. Schemas are registered as {@code schema.toString()} under the subject
 * {@code <topic>-key} or {@code <topic>-value} (Confluent's TopicNameStrategy). These bytes are exactly what
 * Confluent's {@code KafkaAvroSerializer} writes, so Confluent clients in any language read paperwire's topics and
 * paperwire reads theirs.
 *
 * <ul>
 *   <li>{@link io.paperwire.schemas.serde.KafkaAvroSerializer} / {@link io.paperwire.schemas.serde.KafkaAvroDeserializer}:
 *       Kafka {@code Serializer}/{@code Deserializer} for specific (generated) and generic records, configured with
 *       Confluent's keys ({@link io.paperwire.schemas.serde.AvroSerdeConfig}).</li>
 *   <li>{@link io.paperwire.schemas.serde.SpecificAvroSerde} / {@link io.paperwire.schemas.serde.GenericAvroSerde}: the
 *       pair as a Kafka {@code Serde}.</li>
 *   <li>{@link io.paperwire.schemas.serde.SchemaRegistryClient} and its REST implementation
 *       {@link io.paperwire.schemas.serde.HttpSchemaRegistryClient}, caching ids and schemas.</li>
 *   <li>{@link io.paperwire.schemas.serde.WireFormat}: the header layout, and a one-line description of a raw record
 *       for logs; {@link io.paperwire.schemas.serde.RecordDecoder} decodes a raw {@code ConsumerRecord<byte[], byte[]>}
 *       and names topic, partition and offset when it cannot.</li>
 * </ul>
 *
 * <p>Errors are sorted: bytes that are not a record of this format (empty, wrong magic byte, too short, a body that
 * does not match the writer schema, an unknown schema id) raise {@link io.paperwire.schemas.serde.WireFormatException},
 * a Kafka {@code SerializationException} that names the topic: bad data, to be dead-lettered. A registry that cannot be
 * reached or answers with a server error raises {@link io.paperwire.schemas.serde.SchemaRegistryException}, an
 * infrastructure error to retry or stop on.
 */
package io.paperwire.schemas.serde;
