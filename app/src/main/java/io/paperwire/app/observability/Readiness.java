package io.paperwire.app.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The readiness of this process: every {@link ReadinessCheck} added (broker, registry, each Streams app) must hold.
 * {@link #evaluate()} runs the checks one after the other, each bounded by its own timeout. Thread-safe.
 */
public final class Readiness {

    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();

    /** Adds a condition. */
    public Readiness add(ReadinessCheck check) {
        checks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    /** Runs every check now. */
    public Report evaluate() {
        Map<String, ReadinessCheck.Result> results = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            results.put(check.name(), check.check());
        }
        return new Report(results);
    }

    /**
     * What the checks found, in the order they were added.
     *
     * @param results each check's result by name
     */
    public record Report(Map<String, ReadinessCheck.Result> results) {
        public Report {
            results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
        }

        /** True when every check holds. */
        public boolean ready() {
            return results.values().stream().allMatch(ReadinessCheck.Result::ok);
        }

        /** The names of the checks that failed. */
        public List<String> failed() {
            return results.entrySet().stream().filter(e -> !e.getValue().ok()).map(Map.Entry::getKey).toList();
        }
    }
}
