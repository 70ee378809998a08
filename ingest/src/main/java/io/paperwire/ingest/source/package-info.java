/**
 * Where papers come from. Each {@link io.paperwire.ingest.source.PaperSource} turns a checkpoint (its position, a
 * string map stored in the compacted {@code ingest.checkpoints} topic) into the next {@link
 * io.paperwire.ingest.source.SourceBatch} of parse results and the checkpoint after it:
 * {@link io.paperwire.ingest.source.ArxivOaiSource} (OAI-PMH ListRecords with resumption tokens),
 * {@link io.paperwire.ingest.source.ArxivApiSource} (API queries paged by {@code start}),
 * {@link io.paperwire.ingest.source.ArxivFeedSource} (the daily announcement feed),
 * {@link io.paperwire.ingest.source.HfDailySource} (Hugging Face daily papers and their engagement) and
 * {@link io.paperwire.ingest.source.FileSource} (saved files by byte offset, optionally watching a directory).
 * Sources know nothing of Kafka or of each other; adding one touches no other.
 */
package io.paperwire.ingest.source;
