package io.paperwire.ingest.generator;

import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.Paper;
import java.util.List;

/**
 * One synthetic paper: every version (v1 first; most papers have one, some two or three, published later), the
 * engagement signals it received, and the submitter's name (the snapshot format records it).
 */
public record GeneratedPaper(List<Paper> versions, List<EngagementSignal> signals, String submitter) {

    public GeneratedPaper {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a paper has at least one version");
        }
        versions = List.copyOf(versions);
        signals = List.copyOf(signals);
    }

    /** The latest version. */
    public Paper latest() {
        return versions.get(versions.size() - 1);
    }
}
