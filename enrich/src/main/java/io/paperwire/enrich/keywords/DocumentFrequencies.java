package io.paperwire.enrich.keywords;

import java.util.Set;

/**
 * Document frequencies of normalised terms and phrases over every paper seen so far: how many documents contain
 * a term at least once, and how many documents there are. {@link KeywordExtractor} scores with them (rarer in the
 * corpus, more telling in the paper) and feeds each paper it is shown through {@link #observe(Set)}.
 *
 * <p>Implementations: {@link InMemoryDocumentFrequencies} (one process, tests, batch runs) and
 * {@link SeededDocumentFrequencies}, which adds the shipped {@link BackgroundFrequencies} to live counts so the
 * first papers already score well. A Kafka Streams implementation backs the live part by a key-value state store
 * (term → count, plus one reserved key for the document count), so counts survive restarts.
 *
 * <p><b>Partitioned counts.</b> With papers partitioned by key, each stream task only sees its share. Counts are
 * sums, so a global table is the sum of the per-partition tables: either (a) each task counts what it sees and
 * the terms it observes are also sent, keyed by term, through a repartition topic into one aggregated
 * {@code term → count} table that every instance reads as a global table; or (b) each task scores with its local
 * counts scaled to the global document count, which is sound because papers are spread over partitions without
 * regard to their topic, so a partition's term ratio {@code df/docCount} estimates the global one. The background
 * table is added on top in both cases.
 */
public interface DocumentFrequencies {

    /** Number of documents counted. */
    long docCount();

    /** Number of documents that contained {@code normalizedTerm} (normalised as {@link PhraseAnalyzer#normalize}). */
    long df(String normalizedTerm);

    /**
     * Counts one more document that contains exactly these distinct normalised terms; see
     * {@link KeywordExtractor#termsToCount(String, String)} for the terms a paper contributes.
     */
    void observe(Set<String> distinctNormalizedTerms);
}
