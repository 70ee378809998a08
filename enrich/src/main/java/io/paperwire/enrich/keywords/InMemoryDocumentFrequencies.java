package io.paperwire.enrich.keywords;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link DocumentFrequencies} held in memory ({@link TermCounts}): counts every document passed to
 * {@link #observe(Set)}. Not thread-safe; one instance per stream task or per batch run.
 */
public final class InMemoryDocumentFrequencies implements DocumentFrequencies {

    private final TermCounts counts = new TermCounts();
    private long docCount;

    @Override
    public long docCount() {
        return docCount;
    }

    @Override
    public long df(String normalizedTerm) {
        return counts.getOrDefault(normalizedTerm, 0);
    }

    @Override
    public void observe(Set<String> distinctNormalizedTerms) {
        Objects.requireNonNull(distinctNormalizedTerms, "distinctNormalizedTerms");
        docCount++;
        for (String term : distinctNormalizedTerms) {
            counts.increment(term);
        }
    }

    /** Number of distinct terms counted. */
    public int termCount() {
        return counts.size();
    }

    /** The counts, for writing a table; a copy. */
    Map<String, Long> snapshot() {
        return counts.toMap();
    }
}
