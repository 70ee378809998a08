/**
 * Subject and topic tags for papers: libraries the enrich topology calls, with no Kafka in them.
 *
 * <ul>
 *   <li>{@link io.paperwire.enrich.tags.ArxivTaxonomy} is the full arXiv category list shipped as data
 *       ({@code arxiv-taxonomy.tsv}): code → name, archive, group, alias/legacy status.
 *   <li>{@link io.paperwire.enrich.tags.SubjectTagger} turns a paper's own categories into SUBJECT tags, primary
 *       first, and reports codes the taxonomy does not know instead of inventing a name for them.
 *   <li>{@link io.paperwire.enrich.tags.TopicTaxonomy} is a versioned YAML file of topics (phrases, synonyms,
 *       acronyms, related categories); {@link io.paperwire.enrich.tags.TopicTagger} matches it on plural-folded
 *       Lucene tokens of title, abstract and keyphrases and says which phrase fired.
 *   <li>{@link io.paperwire.enrich.tags.SubjectClassifier} learns archive and category online from papers that
 *       carry categories and predicts them for papers that do not; its state is bytes, for a state store.
 *       {@link io.paperwire.enrich.tags.SubjectEvaluation} measures it on a JSON-lines dataset.
 * </ul>
 *
 * Every tagger returns {@link io.paperwire.enrich.tags.TagMatch} records, which map one-to-one onto the Avro
 * {@code Tag}. The method, formats and measured accuracy are described in {@code docs/tags.md}.
 */
package io.paperwire.enrich.tags;
