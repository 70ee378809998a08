/**
 * Writing a batch to Kafka exactly once. {@link io.paperwire.ingest.publish.IngestPublisher} sends a batch's papers
 * ({@code papers.published}), engagement signals ({@code papers.signals}), dead letters ({@code deadletters}) and the
 * source's checkpoint ({@code ingest.checkpoints}) in one transaction of an idempotent producer;
 * {@link io.paperwire.ingest.publish.DryRunSink} prints the same batch as JSON lines instead.
 * {@link io.paperwire.ingest.publish.TopicReplay} reads a topic to its end with {@code read_committed}, which is how
 * the ledger of published papers and the checkpoints are rebuilt at start.
 */
package io.paperwire.ingest.publish;
