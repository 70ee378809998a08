/**
 * The enrich Kafka Streams topology ({@link io.paperwire.enrich.topology.EnrichTopology}): {@code papers.published}
 * → {@code papers.enriched} with keywords, tags and the current trending score; {@code papers.signals} →
 * {@code papers.trending}; unreadable or unprocessable records → {@code deadletters} through
 * {@link io.paperwire.schemas.streams.DeadLetterDeserializationHandler} and
 * {@link io.paperwire.schemas.streams.DeadLetterProcessingHandler}. Exactly-once v2. Design in
 * {@code docs/enrich.md}.
 */
package io.paperwire.enrich.topology;
