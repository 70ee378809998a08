package io.paperwire.enrich.keywords;

import java.util.Arrays;

/**
 * The distinct normalised terms of one paper (word stems and hyphenated compounds), each numbered in order of
 * first sight, so that candidate phrases, rarities and centralities can be kept by number instead of by string.
 * Input: terms as strings; output: their numbers, and the string of a number. An open-addressing table, made
 * afresh for each paper (and the key set of {@link TermCounts}); not thread-safe.
 */
final class TermTable {

    private String[] terms;
    /** Slots of the hash table: a term's number plus one, 0 when the slot is free. */
    private int[] slots;
    private int size;

    /** A table sized for about {@code expectedTerms} terms; it grows when it gets more. */
    TermTable(int expectedTerms) {
        int capacity = Math.max(8, Integer.highestOneBit(Math.max(1, expectedTerms) - 1) << 1);
        terms = new String[capacity];
        slots = new int[2 * capacity];
    }

    /** The number of {@code term}, or -1 when it has none (nothing is added). */
    int find(String term) {
        int mask = slots.length - 1;
        for (int slot = spread(term.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (terms[entry - 1].equals(term)) {
                return entry - 1;
            }
        }
    }

    /** The number of {@code term}, given it the first time it is seen. */
    int id(String term) {
        int mask = slots.length - 1;
        for (int slot = spread(term.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(term, slot);
            }
            if (terms[entry - 1].equals(term)) {
                return entry - 1;
            }
        }
    }

    private int add(String term, int slot) {
        if (size == terms.length) {
            terms = Arrays.copyOf(terms, 2 * size);
        }
        terms[size] = term;
        slots[slot] = ++size;
        if (2 * size > slots.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = spread(terms[id].hashCode()) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** The term numbered {@code id}. */
    String term(int id) {
        return terms[id];
    }

    /** How many distinct terms have been numbered; numbers run from 0 to this, exclusive. */
    int size() {
        return size;
    }
}
