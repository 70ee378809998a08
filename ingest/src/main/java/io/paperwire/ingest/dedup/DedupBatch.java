package io.paperwire.ingest.dedup;

import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the {@link IdentityRule} to the sightings of one batch. Decisions inside the batch see each other (the same
 * paper twice in one file is published once), but the {@link PaperLedger} changes only on {@link #commit()}, called
 * after the batch's Kafka transaction committed; an aborted batch is simply dropped, so a retry decides afresh.
 */
public final class DedupBatch {

    private final PaperLedger ledger;
    private final IdentityRule rule;
    private final Map<String, KnownPaper> pending = new HashMap<>();
    private boolean committed;

    public DedupBatch(PaperLedger ledger, IdentityRule rule) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The verdict for one sighting, remembered for the rest of the batch when it is published. */
    public Verdict decide(ParsedPaper sighting) {
        String key = sighting.paper().getKey();
        Optional<KnownPaper> known = Optional.ofNullable(pending.get(key)).or(() -> ledger.lookup(key));
        Verdict verdict = rule.decide(sighting, known);
        if (verdict instanceof Verdict.Publish publish) {
            Paper event = publish.paper();
            KnownPaper next = event.getKind() == PaperEventKind.METADATA_UPDATE && known.isPresent()
                    ? known.get().mergedWith(event)
                    : KnownPaper.of(event);
            pending.put(key, next);
        }
        return verdict;
    }

    /** Makes the batch's decisions part of the ledger; call once, after the transaction committed. */
    public void commit() {
        if (committed) {
            throw new IllegalStateException("batch already committed");
        }
        committed = true;
        pending.forEach(ledger::put);
    }
}
