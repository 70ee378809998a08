package io.paperwire.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a run: counts per source id (in the order the sources were given), how long it took, whether it was
 * stopped, and the error that ended it when publishing failed.
 *
 * @param bySource counts per source id
 * @param elapsed wall time of the run
 * @param stopped true when the run was stopped (interrupt or {@link IngestRunner#requestStop()}) before all sources
 *     caught up
 * @param fatalError why the whole run ended early (the broker refused a batch), empty otherwise
 */
public record IngestSummary(Map<String, SourceCounts> bySource, Duration elapsed, boolean stopped,
        Optional<String> fatalError) {

    public IngestSummary {
        bySource = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    }

    /** All sources added up; {@code failure} is the first source failure, if any. */
    public SourceCounts total() {
        return bySource.values().stream().reduce(SourceCounts.zero(), SourceCounts::plus);
    }

    /** True when no source was given up and nothing fatal happened. */
    public boolean succeeded() {
        return fatalError.isEmpty() && bySource.values().stream().allMatch(c -> c.failure().isEmpty());
    }

    /** A multi-line report, one line per source and a total. */
    public String describe() {
        StringBuilder text = new StringBuilder("ingest summary (" + elapsed.toMillis() / 1000.0 + " s"
                + (stopped ? ", stopped" : "") + ")\n");
        bySource.forEach((id, counts) -> {
            text.append("  ").append(id).append(": ").append(counts.describe());
            counts.failure().ifPresent(f -> text.append("; FAILED: ").append(f));
            text.append('\n');
        });
        text.append("  total: ").append(total().describe());
        fatalError.ifPresent(e -> text.append("\n  run ended early: ").append(e));
        return text.toString();
    }
}
