package io.paperwire.ingest.dedup;

import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per paper key, what was last published: the state the identity rule needs. Filled at start from
 * {@code papers.published} (every committed event replayed through {@link #apply(Paper)}) and afterwards only with
 * events whose transaction committed. Not thread-safe: one ingest runner owns it.
 */
public final class PaperLedger {

    private final Map<String, KnownPaper> known = new HashMap<>();

    /** What is known under {@code key}. */
    public Optional<KnownPaper> lookup(String key) {
        return Optional.ofNullable(known.get(key));
    }

    /**
     * Records a published event: a {@code METADATA_UPDATE} merges into the known version, any other kind replaces
     * the entry unless it is older than what is known (replaying a topic whose events are in order never is).
     */
    public void apply(Paper event) {
        known.merge(event.getKey(), KnownPaper.of(event), (old, fresh) -> {
            if (event.getKind() == PaperEventKind.METADATA_UPDATE && event.getVersion() == old.version()) {
                return old.mergedWith(event);
            }
            return fresh.version() >= old.version() ? fresh : old;
        });
    }

    void put(String key, KnownPaper paper) {
        known.put(key, paper);
    }

    /** How many paper keys are known. */
    public int size() {
        return known.size();
    }
}
