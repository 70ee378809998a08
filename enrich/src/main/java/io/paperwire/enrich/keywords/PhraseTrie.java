package io.paperwire.enrich.keywords;

import java.util.Arrays;

/**
 * The distinct sequences of word stems of one paper's candidate phrases, as a trie over {@link TermTable} numbers:
 * each node stands for the sequence on the path from the root to it, so a phrase that grows by one word is one
 * step from the phrase it grew from, and two phrases are the same node exactly when their normalised forms (stems
 * joined by single spaces) are the same string. Input: (node, stem number) steps; output: node numbers, and the
 * stems of a node. Made afresh for each paper; not thread-safe.
 */
final class PhraseTrie {

    /** The empty sequence. */
    static final int ROOT = 0;

    /** Per node: its parent and the stem of the step from the parent (unused for the root). */
    private int[] parents;
    private int[] stems;
    private int nodeCount = 1;
    /** Hash table of steps (parent, stem) → child, keyed by the child's own parent and stem; 0 when free. */
    private int[] stepChildren;

    /** A trie sized for about {@code expectedNodes} nodes; it grows when it gets more. */
    PhraseTrie(int expectedNodes) {
        int capacity = Math.max(8, Integer.highestOneBit(Math.max(1, expectedNodes) - 1) << 1);
        parents = new int[capacity];
        stems = new int[capacity];
        stepChildren = new int[2 * capacity];
    }

    /** The node of {@code node}'s sequence followed by {@code stem}, made when it is new. */
    int child(int node, int stem) {
        int mask = stepChildren.length - 1;
        for (int slot = spread(node, stem) & mask; ; slot = (slot + 1) & mask) {
            int child = stepChildren[slot];
            if (child == 0) {
                return add(node, stem, slot);
            }
            if (parents[child] == node && stems[child] == stem) {
                return child;
            }
        }
    }

    private int add(int parent, int stem, int slot) {
        if (nodeCount == parents.length) {
            parents = Arrays.copyOf(parents, 2 * nodeCount);
            stems = Arrays.copyOf(stems, 2 * nodeCount);
        }
        int child = nodeCount++;
        parents[child] = parent;
        stems[child] = stem;
        stepChildren[slot] = child;
        if (2 * nodeCount > stepChildren.length) {
            rehash();
        }
        return child;
    }

    private void rehash() {
        stepChildren = new int[2 * stepChildren.length];
        int mask = stepChildren.length - 1;
        for (int child = 1; child < nodeCount; child++) {
            int slot = spread(parents[child], stems[child]) & mask;
            while (stepChildren[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            stepChildren[slot] = child;
        }
    }

    private static int spread(int parent, int stem) {
        long mixed = ((long) parent << 32 | (stem & 0xFFFF_FFFFL)) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (mixed >>> 32);
    }

    /** Nodes made so far, the root included; node numbers run from 0 to this, exclusive. */
    int size() {
        return nodeCount;
    }

    /** The stems of {@code node}'s sequence, first to last, as strings joined by single spaces. */
    String joined(int node, TermTable terms) {
        int depth = 0;
        for (int at = node; at != ROOT; at = parents[at]) {
            depth++;
        }
        String[] words = new String[depth];
        for (int at = node; at != ROOT; at = parents[at]) {
            words[--depth] = terms.term(stems[at]);
        }
        return String.join(" ", words);
    }
}
