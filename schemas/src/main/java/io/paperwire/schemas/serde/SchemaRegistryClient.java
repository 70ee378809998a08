package io.paperwire.schemas.serde;

import org.apache.avro.Schema;

/**
 * What the serdes need from a Confluent-compatible schema registry. Implementations cache what cannot change
 * (an id's schema, a registered schema's id) and must be safe to share between threads, producers, consumers and
 * Kafka Streams threads. Failures raise {@link SchemaRegistryException}.
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject} (a no-op returning the same id when already there). */
  default int register(String subject, Schema schema) {
    return register(subject, schema, false);
  }

  /**
   * Registers {@code schema} under {@code subject} and returns its global id.
   *
   * @param normalize ask the registry to normalise the schema before comparing and storing it
   */
  int register(String subject, Schema schema, boolean normalize);

  /** Looks up the id of {@code schema} already registered under {@code subject}; see {@link #lookupId(String, Schema, boolean)}. */
  default int lookupId(String subject, Schema schema) {
    return lookupId(subject, schema, false);
  }

  /**
   * Looks up the id of {@code schema} already registered under {@code subject}, without registering it.
   *
   * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} when the subject or the schema
   *     under it is unknown
   */
  int lookupId(String subject, Schema schema, boolean normalize);

  /**
   * The schema with global id {@code id}.
   *
   * @throws SchemaRegistryException with error code {@link SchemaRegistryException#SCHEMA_NOT_FOUND} for an unknown id
   */
  Schema schemaById(int id);

  /**
   * The latest version registered under {@code subject}.
   *
   * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} when the subject is unknown
   */
  RegisteredSchema latest(String subject);
}
