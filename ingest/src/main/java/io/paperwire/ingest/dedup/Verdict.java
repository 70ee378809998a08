package io.paperwire.ingest.dedup;

import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import java.util.Objects;

/** What the identity rule decided for one sighting. */
public sealed interface Verdict permits Verdict.Publish, Verdict.Duplicate, Verdict.Stale {

    /**
     * Publish {@code paper}, whose {@code kind} says NEW_PAPER, NEW_VERSION or METADATA_UPDATE (and whose categories
     * and content hash are already merged for an update).
     */
    record Publish(Paper paper) implements Verdict {
        public Publish {
            Objects.requireNonNull(paper, "paper");
        }

        public PaperEventKind kind() {
            return paper.getKind();
        }
    }

    /** Same key and version as already published and nothing new in the metadata: counted and dropped. */
    record Duplicate(String key, int version) implements Verdict {
    }

    /** A lower version than the one already published: counted and dropped. */
    record Stale(String key, int sightedVersion, int knownVersion) implements Verdict {
    }
}
