/**
 * Where each source stopped: {@link io.paperwire.ingest.checkpoint.CheckpointStore} holds the last committed
 * {@link io.paperwire.schemas.IngestCheckpoint} per source id, loaded at start from the compacted
 * {@code ingest.checkpoints} topic and updated after each committed batch.
 */
package io.paperwire.ingest.checkpoint;
