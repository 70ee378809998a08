package io.paperwire.ingest.publish;

import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.IngestCheckpoint;
import io.paperwire.schemas.Paper;
import java.util.List;
import java.util.Objects;

/**
 * Everything one source batch writes, committed together or not at all.
 *
 * @param papers events for {@code papers.published}, keyed by {@code Paper.key}
 * @param signals engagement signals, keyed by {@code paperKey}
 * @param deadLetters records that could not be parsed, keyed by source id
 * @param checkpoint the source's position after this batch, keyed by {@code sourceId}
 */
public record OutgoingBatch(List<Paper> papers, List<EngagementSignal> signals, List<DeadLetter> deadLetters,
        IngestCheckpoint checkpoint) {

    public OutgoingBatch {
        papers = List.copyOf(papers);
        signals = List.copyOf(signals);
        deadLetters = List.copyOf(deadLetters);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
