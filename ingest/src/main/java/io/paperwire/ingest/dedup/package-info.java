/**
 * The identity rule: which sightings of a paper become events on {@code papers.published}.
 *
 * <p>A paper is keyed {@code arxiv:<id>} without version. {@link io.paperwire.ingest.dedup.PaperLedger} remembers, per
 * key, the latest published version and a fingerprint of its metadata; {@link io.paperwire.ingest.dedup.IdentityRule}
 * decides for each sighting whether it is a new paper, a new version, a metadata update of the known version, a
 * duplicate or stale; {@link io.paperwire.ingest.dedup.DedupBatch} applies the rule to one batch and touches the ledger
 * only when the batch's transaction commits. The ledger is rebuilt at start from {@code papers.published}
 * ({@code io.paperwire.ingest.publish.PublishedLedgerLoader}). The rule is documented in {@code docs/ingest.md}.
 */
package io.paperwire.ingest.dedup;
