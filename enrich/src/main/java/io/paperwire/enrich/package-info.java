/**
 * The enrich app: a Kafka Streams application that reads {@code papers.published} and {@code papers.signals}
 * and writes {@code papers.enriched} (keywords, subject and topic tags, trending score), the {@code papers.trending}
 * table and, for bad records, {@code deadletters}; exactly-once.
 *
 * <ul>
 *   <li>{@link io.paperwire.enrich.EnrichService} runs it; {@link io.paperwire.enrich.EnrichConfig} holds its
 *       settings and defaults.
 *   <li>{@link io.paperwire.enrich.PaperEnricher} is the single code path from a paper's text to keywords and tags,
 *       shared by the stream ({@code topology}) and the batch annotator ({@code annotate}).
 *   <li>Libraries without Kafka: {@code keywords} (keyphrase extraction), {@code tags} (subjects, topics, learned
 *       subjects), {@code trending} (scores from engagement signals); state in {@code store}.
 * </ul>
 * Design, stores and settings: {@code docs/enrich.md}.
 */
package io.paperwire.enrich;
