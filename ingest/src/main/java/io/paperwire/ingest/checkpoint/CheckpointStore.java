package io.paperwire.ingest.checkpoint;

import io.paperwire.schemas.IngestCheckpoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last committed position of every source, by source id. Loaded from the compacted {@code ingest.checkpoints}
 * topic at start (last record per key wins), then kept in step by the runner, which calls {@link #committed} only
 * after the transaction that wrote the checkpoint committed. A dry run starts it empty and never persists it.
 */
public final class CheckpointStore {

    private final Map<String, IngestCheckpoint> bySource = new ConcurrentHashMap<>();

    /** The position after the last committed batch of {@code sourceId}, empty when it never ran. */
    public Map<String, String> position(String sourceId) {
        IngestCheckpoint checkpoint = bySource.get(sourceId);
        return checkpoint == null ? Map.of() : Map.copyOf(checkpoint.getPosition());
    }

    public Optional<IngestCheckpoint> get(String sourceId) {
        return Optional.ofNullable(bySource.get(sourceId));
    }

    /** Records a checkpoint whose transaction committed (or one replayed from the topic). */
    public void committed(IngestCheckpoint checkpoint) {
        bySource.put(checkpoint.getSourceId(), checkpoint);
    }

    public int size() {
        return bySource.size();
    }
}
