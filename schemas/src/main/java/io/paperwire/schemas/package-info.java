/**
 * paperwire's event contracts: the Avro records generated from {@code schemas/src/main/avro/*.avsc} (one named type
 * per file, shared types under {@code common/}) and the topics that carry them.
 *
 * <p>{@link io.paperwire.schemas.PaperwireTopics} pairs every topic with its serdes as a
 * {@link io.paperwire.schemas.Topic}: keys are plain UTF-8 strings, values the generated classes in the Confluent wire
 * format ({@code 0x00}, 4-byte big-endian schema id, Avro binary body; subject {@code <topic>-value}), see
 * {@link io.paperwire.schemas.serde}.
 *
 * <table>
 *   <caption>Topics and their values</caption>
 *   <tr><th>topic</th><th>key</th><th>value</th></tr>
 *   <tr><td>papers.published</td><td>paper key</td><td>{@link io.paperwire.schemas.Paper}</td></tr>
 *   <tr><td>papers.signals</td><td>paper key</td><td>{@link io.paperwire.schemas.EngagementSignal}</td></tr>
 *   <tr><td>papers.enriched</td><td>paper key</td><td>{@link io.paperwire.schemas.EnrichedPaper}</td></tr>
 *   <tr><td>papers.trending</td><td>paper key</td><td>{@link io.paperwire.schemas.TrendingScore}</td></tr>
 *   <tr><td>subscriptions</td><td>subscription id</td><td>{@link io.paperwire.schemas.Subscription}</td></tr>
 *   <tr><td>alerts</td><td>subscription id</td><td>{@link io.paperwire.schemas.Alert}</td></tr>
 *   <tr><td>ingest.checkpoints</td><td>source id</td><td>{@link io.paperwire.schemas.IngestCheckpoint}</td></tr>
 *   <tr><td>deadletters</td><td>string</td><td>{@link io.paperwire.schemas.DeadLetter}</td></tr>
 * </table>
 *
 * <p>Every schema stays BACKWARD compatible with its latest released copy in {@code schemas/src/main/released/};
 * a test fails the build otherwise.
 */
package io.paperwire.schemas;
