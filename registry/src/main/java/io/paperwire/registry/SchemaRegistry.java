package io.paperwire.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.paperwire.registry.CompatibilityLevel.PreviousVersion;
import io.paperwire.registry.RegistryState.Registration;

/**
 * What the registry does, apart from HTTP: registers, looks up, deletes and checks schemas, and keeps compatibility
 * settings.
 *
 * <p>In: requests from {@link RegistryHttpApi}. Out: answers from {@link RegistryState}; every change is a record
 * written through {@link KafkaStore} and read back before the answer. Writes are serialised within an instance and
 * decided on a state read to the end of the topic first; races between instances are settled by the id rule of
 * {@link RegistryState}.
 */
final class SchemaRegistry {

    private static final int MAX_REGISTRATION_ATTEMPTS = 10;

    private final RegistryState state;
    private final KafkaStore store;
    private final CompatibilityLevel defaultCompatibility;
    private final ReentrantLock writeLock = new ReentrantLock();

    SchemaRegistry(RegistryState state, KafkaStore store, CompatibilityLevel defaultCompatibility) {
        this.state = state;
        this.store = store;
        this.defaultCompatibility = defaultCompatibility;
    }

    /** A schema as it arrives in a request body. */
    record SchemaRequest(String schema, String schemaType, boolean hasReferences) {
    }

    /** Reads the topic to its end, so that the next answer reflects every write made so far by any instance. */
    void catchUp() {
        store.catchUp();
    }

    /**
     * Registers a schema under a subject, or finds it there already.
     *
     * @return the schema's id
     * @throws RegistryException 42201 for an invalid or unsupported schema, 409 when incompatible, 50001 on store
     *                           errors
     */
    int register(String subject, SchemaRequest request) {
        ParsedSchema schema = parse(request);
        writeLock.lock();
        try {
            for (int attempt = 1; attempt <= MAX_REGISTRATION_ATTEMPTS; attempt++) {
                store.catchUp();
                Optional<Registration> existing = find(subject, schema, false);
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                List<String> problems = compatibilityOf(subject).incompatibilities(schema.schema(),
                        previousVersions(state.versions(subject, false)));
                if (!problems.isEmpty()) {
                    throw RegistryException.incompatible("Schema being registered is incompatible with an earlier "
                            + "schema for subject \"" + subject + "\", details: " + problems);
                }
                int id = state.idOf(schema.canonical()).orElse(state.largestIdSeen() + 1);
                int version = state.largestVersion(subject) + 1;
                String key = StoreRecords.schemaKey(subject, version, id, schema.fingerprint());
                store.write(key, StoreRecords.schemaValue(
                        new StoreRecords.SchemaValue(subject, version, id, schema.text(), false)));
                if (state.registration(key).isPresent()) {
                    return id;
                }
                // Another instance wrote a conflicting registration first: remove ours and decide again.
                store.write(key, null);
            }
            throw RegistryException.storeError("could not register a schema under '" + subject + "' after "
                    + MAX_REGISTRATION_ATTEMPTS + " attempts: other registry instances kept winning", null);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Finds the version of a subject that holds this schema.
     *
     * @throws RegistryException 40401 when the subject does not exist, 40403 when the schema is not under it
     */
    Registration lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        ParsedSchema schema = parse(request);
        if (state.versions(subject, includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return find(subject, schema, includeDeleted)
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found under subject '" + subject + "'"));
    }

    /** @throws RegistryException 40403 when no schema has this id */
    ParsedSchema schemaById(int id) {
        return state.schema(id).orElseThrow(() -> RegistryException.schemaNotFound("Schema " + id + " not found"));
    }

    /** The subjects and versions that use the schema with this id. */
    List<Registration> registrationsOf(int id, boolean includeDeleted) {
        schemaById(id);
        return state.registrationsOf(id, includeDeleted);
    }

    List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    /** @throws RegistryException 40401 when the subject has no versions */
    List<Integer> versions(String subject, boolean includeDeleted) {
        List<Registration> versions = existingVersions(subject, includeDeleted);
        return versions.stream().map(Registration::version).toList();
    }

    /**
     * One version of a subject: a number or {@code latest} (or -1).
     *
     * @throws RegistryException 42202 for an invalid version, 40401 / 40402 when absent
     */
    Registration version(String subject, String version, boolean includeDeleted) {
        int number = parseVersion(version);
        List<Registration> versions = existingVersions(subject, includeDeleted);
        if (number == -1) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(r -> r.version() == number).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, number));
    }

    /**
     * Soft-deletes every live version of a subject, or with {@code permanent} removes the soft-deleted ones for good.
     *
     * @return the versions deleted
     */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        writeLock.lock();
        try {
            store.catchUp();
            List<Registration> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<Integer> deleted = new ArrayList<>();
            if (permanent) {
                if (all.stream().anyMatch(r -> !r.deleted())) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                for (Registration registration : all) {
                    store.write(registration.key(), null);
                    deleted.add(registration.version());
                }
            } else {
                List<Registration> live = all.stream().filter(r -> !r.deleted()).toList();
                if (live.isEmpty()) {
                    throw new RegistryException(404, 40404, "Subject '" + subject
                            + "' was soft deleted. Set permanent=true to delete permanently");
                }
                for (Registration registration : live) {
                    softDelete(registration);
                    deleted.add(registration.version());
                }
            }
            return deleted;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Soft-deletes one version, or with {@code permanent} removes a soft-deleted one for good.
     *
     * @return the version deleted
     */
    int deleteVersion(String subject, String version, boolean permanent) {
        writeLock.lock();
        try {
            store.catchUp();
            // "latest" names the newest live version for a soft delete; a number may name a soft-deleted one.
            boolean latest = parseVersion(version) == -1;
            Registration registration = version(subject, version, !latest || permanent);
            if (permanent) {
                if (!registration.deleted()) {
                    throw RegistryException.versionNotSoftDeleted(subject, registration.version());
                }
                store.write(registration.key(), null);
            } else {
                if (registration.deleted()) {
                    throw RegistryException.versionSoftDeleted(subject, registration.version());
                }
                softDelete(registration);
            }
            return registration.version();
        } finally {
            writeLock.unlock();
        }
    }

    private void softDelete(Registration registration) {
        store.write(registration.key(), StoreRecords.schemaValue(new StoreRecords.SchemaValue(registration.subject(),
                registration.version(), registration.id(), registration.schema().text(), true)));
    }

    /** The global level: the one set through {@code PUT /config}, else the configured default. */
    CompatibilityLevel globalCompatibility() {
        return state.globalCompatibility().orElse(defaultCompatibility);
    }

    /** The subject's own level; with {@code defaultToGlobal}, the global one when it has none. */
    CompatibilityLevel subjectCompatibility(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = state.subjectCompatibility(subject);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return globalCompatibility();
        }
        throw RegistryException.subjectHasNoCompatibility(subject);
    }

    /** Sets the global level ({@code subject} null) or a subject's. */
    CompatibilityLevel setCompatibility(String subjectOrNullForGlobal, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level)
                .orElseThrow(() -> RegistryException.invalidCompatibility(level));
        writeLock.lock();
        try {
            store.write(StoreRecords.configKey(subjectOrNullForGlobal), StoreRecords.configValue(parsed));
            return parsed;
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the global level ({@code subject} null) or a subject's; answers the level it had. */
    CompatibilityLevel deleteCompatibility(String subjectOrNullForGlobal) {
        writeLock.lock();
        try {
            store.catchUp();
            CompatibilityLevel previous = subjectOrNullForGlobal == null
                    ? globalCompatibility()
                    : subjectCompatibility(subjectOrNullForGlobal, false);
            store.write(StoreRecords.configKey(subjectOrNullForGlobal), null);
            return previous;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Checks a schema against a subject without registering it: against one version when one is named, or as
     * registration would (per the subject's level) for {@code latest} or no version.
     *
     * @return the incompatibilities; empty when compatible
     */
    List<String> checkCompatibility(String subject, String versionOrNull, SchemaRequest request) {
        ParsedSchema schema = parse(request);
        CompatibilityLevel level = compatibilityOf(subject);
        if (versionOrNull == null) {
            return level.incompatibilities(schema.schema(), previousVersions(state.versions(subject, false)));
        }
        int number = parseVersion(versionOrNull);
        if (number == -1) {
            existingVersions(subject, false);
            return level.incompatibilities(schema.schema(), previousVersions(state.versions(subject, false)));
        }
        Registration against = version(subject, versionOrNull, false);
        CompatibilityLevel single = level.isTransitive()
                ? CompatibilityLevel.valueOf(level.name().replace("_TRANSITIVE", ""))
                : level;
        return single.incompatibilities(schema.schema(), previousVersions(List.of(against)));
    }

    private CompatibilityLevel compatibilityOf(String subject) {
        return state.subjectCompatibility(subject).orElseGet(this::globalCompatibility);
    }

    private Optional<Registration> find(String subject, ParsedSchema schema, boolean includeDeleted) {
        return state.versions(subject, includeDeleted).stream()
                .filter(r -> r.schema().canonical().equals(schema.canonical()))
                .reduce((first, second) -> second.deleted() && !first.deleted() ? first : second);
    }

    private List<Registration> existingVersions(String subject, boolean includeDeleted) {
        List<Registration> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private static List<PreviousVersion> previousVersions(List<Registration> registrations) {
        return registrations.stream().map(r -> new PreviousVersion(r.version(), r.schema().schema())).toList();
    }

    private static ParsedSchema parse(SchemaRequest request) {
        String type = request.schemaType();
        if (type != null && !type.isBlank() && !type.trim().toUpperCase(Locale.ROOT).equals("AVRO")) {
            throw RegistryException.invalidSchema("Schema type " + type + " is not supported: this registry "
                    + "speaks AVRO only (no JSON Schema, no Protobuf)");
        }
        if (request.hasReferences()) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry: "
                    + "register a self-contained Avro schema");
        }
        return ParsedSchema.parse(request.schema());
    }

    /** -1 for {@code latest} (or -1), else the positive version number. */
    private static int parseVersion(String version) {
        if (version.equalsIgnoreCase("latest") || version.equals("-1")) {
            return -1;
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RegistryException.invalidVersion(version);
    }
}
