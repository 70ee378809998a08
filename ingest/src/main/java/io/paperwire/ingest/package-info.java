/**
 * paperwire ingest: harvests papers and publishes each paper and each revision exactly once.
 *
 * <p>Inputs: arXiv OAI-PMH, the arXiv API, the arXiv announcement feed, Hugging Face daily papers and saved files
 * ({@link io.paperwire.ingest.source}), parsed by {@link io.paperwire.ingest.parse}. Outputs, in one Kafka transaction
 * per batch: {@code papers.published} (paper events keyed {@code arxiv:<id>}), {@code papers.signals} (upvotes,
 * comments), {@code deadletters} (records that could not be parsed) and the source's position in
 * {@code ingest.checkpoints}. {@link io.paperwire.ingest.IngestRuntime} wires it up (fencing, then rebuilding the
 * ledger and checkpoints), {@link io.paperwire.ingest.IngestRunner} runs sources and returns an
 * {@link io.paperwire.ingest.IngestSummary}, {@link io.paperwire.ingest.IngestSchedule} runs them on a cadence. The
 * rules are in {@code docs/ingest.md}.
 */
package io.paperwire.ingest;
