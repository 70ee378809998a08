package io.paperwire.ingest;

/**
 * What one source did in a run.
 *
 * @param read results read (papers, signals and unparseable records)
 * @param published paper events published (new papers, new versions, metadata updates)
 * @param newVersions of which new versions
 * @param metadataUpdates of which metadata updates
 * @param signals engagement signals published
 * @param duplicates sightings identical to what was already published, dropped
 * @param stale sightings of a lower version than published, dropped
 * @param deadLettered unparseable records sent to the dead-letter topic
 * @param errors failed requests (each retry that failed counts)
 * @param batches batches committed
 * @param failure why the source was given up, empty when it finished or was stopped
 */
public record SourceCounts(long read, long published, long newVersions, long metadataUpdates, long signals,
        long duplicates, long stale, long deadLettered, long errors, long batches, java.util.Optional<String> failure) {

    public static SourceCounts zero() {
        return new SourceCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, java.util.Optional.empty());
    }

    SourceCounts plus(SourceCounts b) {
        return new SourceCounts(read + b.read, published + b.published, newVersions + b.newVersions,
                metadataUpdates + b.metadataUpdates, signals + b.signals, duplicates + b.duplicates, stale + b.stale,
                deadLettered + b.deadLettered, errors + b.errors, batches + b.batches,
                b.failure.isPresent() ? b.failure : failure);
    }

    SourceCounts withError(String message, boolean givenUp) {
        return new SourceCounts(read, published, newVersions, metadataUpdates, signals, duplicates, stale,
                deadLettered, errors + 1, batches, givenUp ? java.util.Optional.of(message) : failure);
    }

    /** {@code read 10, published 8 (2 new versions, 1 update), 3 signals, duplicate 1, stale 0, dead-lettered 1, errors 0}. */
    public String describe() {
        return "read " + read + ", published " + published + " (" + newVersions + " new versions, "
                + metadataUpdates + " updates), " + signals + " signals, duplicate " + duplicates + ", stale " + stale
                + ", dead-lettered " + deadLettered + ", errors " + errors;
    }
}
