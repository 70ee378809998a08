package io.paperwire.enrich.keywords;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts by normalised term: the terms numbered by a {@link TermTable}, their counts in an array by number, so that
 * a look-up follows no map node and a count needs no {@code Long}. Input: terms and counts; output: the count of a
 * term. Holds the counts of {@link InMemoryDocumentFrequencies} and the read cache of the stream's document
 * frequencies. Not thread-safe while it changes.
 */
public final class TermCounts {

    private static final int INITIAL_TERMS = 16;

    private TermTable terms = new TermTable(INITIAL_TERMS);
    /** Count by term number. */
    private long[] counts = new long[INITIAL_TERMS];

    /** The count of {@code term}, or {@code absent} when it has none. */
    public long getOrDefault(String term, long absent) {
        int id = terms.find(term);
        return id < 0 ? absent : counts[id];
    }

    /** Whether {@code term} has a count. */
    public boolean containsKey(String term) {
        return terms.find(term) >= 0;
    }

    /** Sets the count of {@code term}. */
    public void put(String term, long count) {
        int id = idOf(term); // first: it may replace the count array, which `counts[idOf(term)]` would read before
        counts[id] = count;
    }

    /** Adds one to the count of {@code term} (0 when it had none) and returns the new count. */
    public long increment(String term) {
        int id = idOf(term);
        return ++counts[id];
    }

    /** The number of {@code term}, numbered (with count 0) when it is new; the count array grown to hold it. */
    private int idOf(String term) {
        int id = terms.id(Objects.requireNonNull(term, "term"));
        if (id == counts.length) {
            counts = Arrays.copyOf(counts, 2 * counts.length);
        }
        return id;
    }

    /** Number of terms counted. */
    public int size() {
        return terms.size();
    }

    /** Forgets every count; the new table is sized for as many terms as this one held. */
    public void clear() {
        int held = terms.size();
        terms = new TermTable(held);
        counts = new long[Math.max(INITIAL_TERMS, held)];
    }

    /** The counts as a map; a copy. */
    public Map<String, Long> toMap() {
        Map<String, Long> copy = new HashMap<>(2 * terms.size());
        for (int id = 0; id < terms.size(); id++) {
            copy.put(terms.term(id), counts[id]);
        }
        return copy;
    }
}
