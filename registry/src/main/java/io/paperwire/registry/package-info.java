/**
 * paperwire's schema registry: an HTTP server that speaks the Confluent Schema Registry REST API for Avro, enough for
 * the standard Confluent clients (Java, Python, JavaScript) and paperwire's own serde.
 *
 * <p>In: REST requests ({@code /subjects}, {@code /schemas/ids}, {@code /config}, {@code /compatibility}) and the
 * records of a compacted Kafka topic ({@code _schemas} by default). Out: JSON answers and new records on that topic.
 * The topic is the only state: on start a registry reads it to the end; every write is produced and read back before
 * the answer, so a restart keeps ids and several instances on one cluster agree (the record earliest in the log wins,
 * see {@link io.paperwire.registry.RegistryState}).
 *
 * <p>Start with {@link io.paperwire.registry.SchemaRegistryServer#start(RegistryConfig)}. In production the real
 * Confluent Schema Registry takes its place without code changes; {@code docs/registry.md} lists what is left out.
 */
package io.paperwire.registry;
