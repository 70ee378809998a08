/**
 * Keyphrase extraction for papers: title and abstract in, 5 to 15 scored keyphrases out, each with its surface
 * form and a normalised (lower-cased, Porter-stemmed) form for matching.
 *
 * <p>{@link io.paperwire.enrich.keywords.KeywordExtractor} is the entry point. It finds noun-phrase-like
 * candidates with Lucene's analysis ({@link io.paperwire.enrich.keywords.PhraseAnalyzer}: LaTeX blanked, standard
 * tokenizer, Porter stemmer) and scores them with corpus statistics from a
 * {@link io.paperwire.enrich.keywords.DocumentFrequencies}: the shipped
 * {@link io.paperwire.enrich.keywords.BackgroundFrequencies} table (counted over real arXiv abstracts by
 * {@link io.paperwire.enrich.keywords.BackgroundTableGenerator}) plus the live counts of every paper seen so far
 * ({@link io.paperwire.enrich.keywords.SeededDocumentFrequencies}). A paper is analysed once
 * ({@link io.paperwire.enrich.keywords.AnalyzedText}); keyphrases can come with the place of the text they were cut
 * from ({@link io.paperwire.enrich.keywords.PlacedKeyword}), so the topic tagger reads their words from that analysis.
 * Within a paper, terms and candidate phrases are kept by number ({@code TermTable}, {@code PhraseTrie}) rather than
 * as strings; counts by term live in {@link io.paperwire.enrich.keywords.TermCounts}.
 *
 * <p>{@link io.paperwire.enrich.keywords.KeywordEvaluation} measures quality against a gold keyphrase dataset
 * (P, R and F1 at 5 and 10); {@code docs/keywords.md} gives the method and the numbers. Nothing here touches Kafka.
 */
package io.paperwire.enrich.keywords;
