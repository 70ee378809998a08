package io.paperwire.ingest.parse;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a paper's version history.
 *
 * @param version the version number, 1 for v1
 * @param submittedAt when it was submitted, when the source says
 */
public record PaperVersion(int version, Optional<Instant> submittedAt) {
}
