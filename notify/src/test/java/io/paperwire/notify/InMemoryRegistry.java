package io.paperwire.notify;

import io.paperwire.schemas.serde.RegisteredSchema;
import io.paperwire.schemas.serde.SchemaRegistryClient;
import io.paperwire.schemas.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry in memory for TopologyTestDriver tests (tests that cross a broker use the real registry):
 * one id per distinct schema, subjects list their ids in order, no compatibility checks.
 */
public final class InMemoryRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema, boolean normalize) {
        Integer id = ids.get(schema);
        if (id == null) {
            id = ids.size() + 1;
            ids.put(schema, id);
            schemas.put(id, schema);
        }
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookupId(String subject, Schema schema, boolean normalize) {
        Integer id = ids.get(schema);
        if (id == null || !subjects.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "not registered under " + subject, null);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "no schema " + id, null);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND, "no " + subject, null);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemas.get(id));
    }
}
