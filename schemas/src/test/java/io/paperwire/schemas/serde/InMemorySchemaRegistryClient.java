package io.paperwire.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A registry in memory for unit tests: ids are global and start at {@code firstId}, the same schema gets the same id
 * under every subject, versions count from 1 per subject. Answers misses like Confluent (40401, 40403). Counts calls.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  private int nextId;
  final AtomicInteger schemaByIdCalls = new AtomicInteger();
  final AtomicInteger registerCalls = new AtomicInteger();

  /** A registry whose first id is {@code firstId}. */
  public InMemorySchemaRegistryClient(int firstId) {
    this.nextId = firstId;
  }

  /** A registry whose first id is 1. */
  public InMemorySchemaRegistryClient() {
    this(1);
  }

  @Override
  public synchronized int register(String subject, Schema schema, boolean normalize) {
    registerCalls.incrementAndGet();
    int id = idsBySchema.computeIfAbsent(schema, s -> {
      schemasById.put(nextId, s);
      return nextId++;
    });
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  /** The subjects registered so far. */
  public synchronized java.util.Set<String> subjects() {
    return java.util.Set.copyOf(versionsBySubject.keySet());
  }

  @Override
  public synchronized int lookupId(String subject, Schema schema, boolean normalize) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
          "Subject '" + subject + "' not found.", null);
    }
    Integer id = idsBySchema.get(schema);
    if (id == null || !versions.contains(id)) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found", null);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    schemaByIdCalls.incrementAndGet();
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id
          + " not found", null);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
          "Subject '" + subject + "' not found.", null);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
  }
}
