package io.paperwire.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's content, rebuilt by applying the records of the registry topic in log order.
 *
 * <p>In: each record (key text, value text or null for a tombstone), in offset order. Out: answers to queries.
 *
 * <p><b>The id rule.</b> Several registry instances write to one topic without a leader. Each picks the next version
 * of the subject and an id (the schema's existing id, or one more than the largest id it has seen), produces the
 * registration, and reads the log until it sees its own record. Every instance applies records in the same order
 * with the same rule, so all agree on the outcome: a registration is <em>accepted</em> unless an earlier accepted
 * record already holds its subject and version, binds its id to another schema, binds its schema to another id, or
 * registers the same schema live under the same subject. A rejected record changes nothing; its writer removes it with
 * a tombstone (its key is unique to it) and retries on the updated state. So the record earliest in the log wins, and
 * no id ever names two schemas.
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    /** One accepted registration of a schema under a subject. */
    record Registration(String key, String subject, int version, int id, ParsedSchema schema, boolean deleted) {
        Registration withDeleted(boolean nowDeleted) {
            return new Registration(key, subject, version, id, schema, nowDeleted);
        }
    }

    private final Map<String, Registration> byKey = new HashMap<>();
    private final Map<String, TreeMap<Integer, Registration>> bySubject = new HashMap<>();
    private final Map<Integer, List<Registration>> byId = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectCompatibility = new HashMap<>();
    private CompatibilityLevel globalCompatibility;
    private int largestIdSeen;

    /** Applies one record of the registry topic; a record of an unknown or malformed shape is logged and skipped. */
    synchronized void apply(String keyText, String valueText) {
        StoreRecords.Key key;
        try {
            key = StoreRecords.parseKey(keyText);
        } catch (IllegalArgumentException e) {
            log.warn("skipping a record with an unreadable key on the registry topic: {}", e.getMessage());
            return;
        }
        try {
            if (key instanceof StoreRecords.SchemaKey schemaKey) {
                applyRegistration(keyText, schemaKey, valueText);
            } else if (key instanceof StoreRecords.ConfigKey configKey) {
                applyConfig(configKey, valueText);
            }
        } catch (IllegalArgumentException | RegistryException e) {
            log.warn("skipping a malformed record {} on the registry topic: {}", keyText, e.getMessage());
        }
    }

    private void applyRegistration(String keyText, StoreRecords.SchemaKey key, String valueText) {
        Registration existing = byKey.get(keyText);
        if (valueText == null) {
            if (existing != null) {
                remove(existing);
            }
            return;
        }
        StoreRecords.SchemaValue value = StoreRecords.parseSchemaValue(valueText);
        if (!value.subject().equals(key.subject()) || value.version() != key.version() || value.id() != key.id()) {
            throw new IllegalArgumentException("value " + valueText + " does not match its key");
        }
        if (existing != null) {
            remove(existing);
            add(existing.withDeleted(value.deleted()));
            return;
        }
        ParsedSchema schema = ParsedSchema.parse(value.schema());
        Optional<String> conflict = conflictOf(key, schema);
        largestIdSeen = Math.max(largestIdSeen, key.id());
        if (conflict.isPresent()) {
            log.info("registration {} lost to an earlier record: {}", keyText, conflict.get());
            return;
        }
        add(new Registration(keyText, key.subject(), key.version(), key.id(), schema, value.deleted()));
    }

    private Optional<String> conflictOf(StoreRecords.SchemaKey key, ParsedSchema schema) {
        TreeMap<Integer, Registration> versions = bySubject.getOrDefault(key.subject(), new TreeMap<>());
        if (versions.containsKey(key.version())) {
            return Optional.of("version " + key.version() + " of '" + key.subject() + "' is taken");
        }
        List<Registration> sameId = byId.getOrDefault(key.id(), List.of());
        if (!sameId.isEmpty() && !sameId.get(0).schema().canonical().equals(schema.canonical())) {
            return Optional.of("id " + key.id() + " names another schema");
        }
        Integer existingId = idByCanonical.get(schema.canonical());
        if (existingId != null && existingId != key.id()) {
            return Optional.of("the schema already has id " + existingId);
        }
        boolean liveDuplicate = versions.values().stream()
                .anyMatch(r -> !r.deleted() && r.schema().canonical().equals(schema.canonical()));
        if (liveDuplicate) {
            return Optional.of("the schema is already registered under '" + key.subject() + "'");
        }
        return Optional.empty();
    }

    private void add(Registration registration) {
        byKey.put(registration.key(), registration);
        bySubject.computeIfAbsent(registration.subject(), s -> new TreeMap<>()).put(registration.version(), registration);
        byId.computeIfAbsent(registration.id(), i -> new ArrayList<>()).add(registration);
        idByCanonical.put(registration.schema().canonical(), registration.id());
    }

    private void remove(Registration registration) {
        byKey.remove(registration.key());
        TreeMap<Integer, Registration> versions = bySubject.get(registration.subject());
        versions.remove(registration.version());
        if (versions.isEmpty()) {
            bySubject.remove(registration.subject());
        }
        List<Registration> sameId = byId.get(registration.id());
        sameId.removeIf(r -> r.key().equals(registration.key()));
        if (sameId.isEmpty()) {
            byId.remove(registration.id());
            idByCanonical.remove(registration.schema().canonical());
        }
    }

    private void applyConfig(StoreRecords.ConfigKey key, String valueText) {
        CompatibilityLevel level = valueText == null ? null : StoreRecords.parseConfigValue(valueText);
        if (key.subject() == null) {
            globalCompatibility = level;
        } else if (level == null) {
            subjectCompatibility.remove(key.subject());
        } else {
            subjectCompatibility.put(key.subject(), level);
        }
    }

    /** The accepted registration stored under this exact key, if any. */
    synchronized Optional<Registration> registration(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The subject's registrations, oldest first; soft-deleted ones only when asked. */
    synchronized List<Registration> versions(String subject, boolean includeDeleted) {
        return bySubject.getOrDefault(subject, new TreeMap<>()).values().stream()
                .filter(r -> includeDeleted || !r.deleted())
                .toList();
    }

    /** Subjects with at least one registration (live, or also soft-deleted when asked), sorted. */
    synchronized List<String> subjects(boolean includeDeleted) {
        TreeSet<String> names = new TreeSet<>();
        bySubject.forEach((subject, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(r -> !r.deleted())) {
                names.add(subject);
            }
        });
        return List.copyOf(names);
    }

    /** The registrations that carry {@code id}, by subject and version; soft-deleted ones only when asked. */
    synchronized List<Registration> registrationsOf(int id, boolean includeDeleted) {
        return byId.getOrDefault(id, List.of()).stream()
                .filter(r -> includeDeleted || !r.deleted())
                .sorted(Comparator.comparing(Registration::subject).thenComparing(Registration::version))
                .toList();
    }

    /** The schema with this id, also when all its registrations are soft-deleted (readers still need it). */
    synchronized Optional<ParsedSchema> schema(int id) {
        List<Registration> sameId = byId.getOrDefault(id, List.of());
        return sameId.isEmpty() ? Optional.empty() : Optional.of(sameId.get(0).schema());
    }

    /** The id of the schema with this canonical form, if it is registered anywhere. */
    synchronized OptionalInt idOf(String canonical) {
        Integer id = idByCanonical.get(canonical);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The largest id this state has seen in any registration record, accepted or not. */
    synchronized int largestIdSeen() {
        return largestIdSeen;
    }

    /** The largest version the subject has, soft-deleted ones included; 0 for a new subject. */
    synchronized int largestVersion(String subject) {
        TreeMap<Integer, Registration> versions = bySubject.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    /** The subject's own compatibility setting. */
    synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    /** The global compatibility setting, when one was set. */
    synchronized Optional<CompatibilityLevel> globalCompatibility() {
        return Optional.ofNullable(globalCompatibility);
    }
}
