package io.paperwire.enrich.keywords;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts by normalised term in an open-addressing table: the terms and their counts side by side in two arrays, so
 * that a look-up follows no map node and a count needs no {@code Long}. Input: terms and counts; output: the count
 * of a term. Holds the counts of {@link InMemoryDocumentFrequencies} and the read cache of the stream's
 * document frequencies. Not thread-safe while it changes.
 */
public final class TermCounts {

    private String[] terms = new String[16];
    private long[] counts = new long[16];
    private int size;

    /** The count of {@code term}, or {@code absent} when it has none. */
    public long getOrDefault(String term, long absent) {
        int slot = find(term);
        return slot < 0 ? absent : counts[slot];
    }

    /** Whether {@code term} has a count. */
    public boolean containsKey(String term) {
        return find(term) >= 0;
    }

    /** The slot holding {@code term}, or -1. */
    private int find(String term) {
        int mask = terms.length - 1;
        for (int slot = spread(term.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            String held = terms[slot];
            if (held == null) {
                return -1;
            }
            if (held.equals(term)) {
                return slot;
            }
        }
    }

    /** Sets the count of {@code term}. */
    public void put(String term, long count) {
        // The slot first: finding it may grow the table, and so replace the count array.
        int slot = slotOf(Objects.requireNonNull(term, "term"));
        counts[slot] = count;
    }

    /** Adds one to the count of {@code term} (0 when it had none) and returns the new count. */
    public long increment(String term) {
        int slot = slotOf(Objects.requireNonNull(term, "term"));
        return ++counts[slot];
    }

    /** The slot of {@code term}, taken (with count 0) when the term is new. */
    private int slotOf(String term) {
        int mask = terms.length - 1;
        int slot = spread(term.hashCode()) & mask;
        while (terms[slot] != null) {
            if (terms[slot].equals(term)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (size + 1) > terms.length) {
            grow();
            return slotOf(term);
        }
        terms[slot] = term;
        counts[slot] = 0;
        size++;
        return slot;
    }

    private void grow() {
        String[] oldTerms = terms;
        long[] oldCounts = counts;
        terms = new String[2 * oldTerms.length];
        counts = new long[2 * oldTerms.length];
        int mask = terms.length - 1;
        for (int old = 0; old < oldTerms.length; old++) {
            if (oldTerms[old] != null) {
                int slot = spread(oldTerms[old].hashCode()) & mask;
                while (terms[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                terms[slot] = oldTerms[old];
                counts[slot] = oldCounts[old];
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Number of terms counted. */
    public int size() {
        return size;
    }

    /** Forgets every count; the table keeps its size. */
    public void clear() {
        Arrays.fill(terms, null);
        size = 0;
    }

    /** The counts as a map; a copy. */
    public Map<String, Long> toMap() {
        Map<String, Long> copy = new HashMap<>(2 * size);
        for (int slot = 0; slot < terms.length; slot++) {
            if (terms[slot] != null) {
                copy.put(terms[slot], counts[slot]);
            }
        }
        return copy;
    }
}
