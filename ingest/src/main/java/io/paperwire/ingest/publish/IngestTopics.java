package io.paperwire.ingest.publish;

import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.IngestCheckpoint;
import io.paperwire.schemas.Paper;
import java.util.Objects;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;

/**
 * The four topics ingest writes, each with its serdes (keys are strings: paper key, or source id for checkpoints).
 *
 * @param published {@code papers.published}
 * @param signals {@code papers.signals}
 * @param deadLetters {@code deadletters}
 * @param checkpoints {@code ingest.checkpoints} (compacted)
 */
public record IngestTopics(Topic<String, Paper> published, Topic<String, EngagementSignal> signals,
        Topic<String, DeadLetter> deadLetters, Topic<String, IngestCheckpoint> checkpoints) {

    public IngestTopics {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(checkpoints, "checkpoints");
    }

    /** The ingest topics of the application's {@link PaperwireTopics} (registry-backed Avro serdes). */
    public static IngestTopics from(PaperwireTopics all) {
        return new IngestTopics(all.published(), all.signals(), all.deadLetters(), all.checkpoints());
    }
}
