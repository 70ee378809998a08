package io.paperwire.enrich.keywords;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link DocumentFrequencies} held in a hash map: counts every document passed to {@link #observe(Set)}. Not
 * thread-safe; one instance per stream task or per batch run.
 */
public final class InMemoryDocumentFrequencies implements DocumentFrequencies {

    private final Map<String, Long> counts = new HashMap<>();
    private long docCount;

    @Override
    public long docCount() {
        return docCount;
    }

    @Override
    public long df(String normalizedTerm) {
        return counts.getOrDefault(normalizedTerm, 0L);
    }

    @Override
    public void observe(Set<String> distinctNormalizedTerms) {
        Objects.requireNonNull(distinctNormalizedTerms, "distinctNormalizedTerms");
        docCount++;
        for (String term : distinctNormalizedTerms) {
            counts.merge(term, 1L, Long::sum);
        }
    }

    /** Number of distinct terms counted. */
    public int termCount() {
        return counts.size();
    }

    /** The counts, for writing a table; a copy. */
    Map<String, Long> snapshot() {
        return new HashMap<>(counts);
    }
}
