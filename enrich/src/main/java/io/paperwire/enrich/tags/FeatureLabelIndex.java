package io.paperwire.enrich.tags;

import java.util.Arrays;

/**
 * An inverted index from hashed feature ids to the labels that have seen them, with each label's weight for the
 * feature. Input: {@link #add(int, int, float)} calls as a model learns. Output: the (label, weight) entries of
 * one feature, walked with {@link #firstEntry}/{@link #nextEntry} (scoring) or visited by
 * {@link #forEach(int, Visitor)}. {@link SubjectClassifier} scores every label from it with
 * one look-up per feature, instead of one look-up per feature and label in per-label tables that do not fit in
 * cache. Entries are chained through flat arrays, so an entry costs 12 bytes, plus 12 in a table from (feature,
 * label) to the entry, so that learning finds a label's entry in one probe instead of walking a chain that holds
 * every label of a common feature. Not thread-safe.
 */
final class FeatureLabelIndex {

    private static final int EMPTY = -1;
    /** No entry: the end of a feature's chain. */
    static final int NONE = -1;

    /** Open-addressing table from feature id to the first entry of its chain. */
    private int[] features;
    private int[] heads;
    private int featureCount;
    /** Chained entries: label id, weight, and the next entry of the same feature. */
    private int[] labels = new int[64];
    private float[] weights = new float[64];
    private int[] next = new int[64];
    private int entryCount;
    /** Open-addressing table from {@link #pair(int, int)} to its entry; {@link #NO_PAIR} marks a free slot. */
    private long[] pairs;
    private int[] pairEntries;
    private static final long NO_PAIR = -1L;

    FeatureLabelIndex() {
        features = new int[16];
        heads = new int[16];
        Arrays.fill(features, EMPTY);
        pairs = new long[128];
        pairEntries = new int[128];
        Arrays.fill(pairs, NO_PAIR);
    }

    /** Receives one label's weight for a feature. */
    interface Visitor {
        void visit(int label, float weight);
    }

    /** Adds {@code delta} to the weight of {@code label} for {@code feature}. */
    void add(int feature, int label, float delta) {
        long pair = pair(feature, label);
        int pairSlot = pairSlotOf(pair, pairs);
        if (pairs[pairSlot] == pair) {
            weights[pairEntries[pairSlot]] += delta;
            return;
        }
        if ((featureCount + 1) * 2 > features.length) {
            resize(features.length * 2);
        }
        int slot = slotOf(feature, features);
        if (features[slot] == EMPTY) {
            features[slot] = feature;
            heads[slot] = NONE;
            featureCount++;
        }
        if (entryCount == labels.length) {
            labels = Arrays.copyOf(labels, entryCount * 2);
            weights = Arrays.copyOf(weights, entryCount * 2);
            next = Arrays.copyOf(next, entryCount * 2);
        }
        labels[entryCount] = label;
        weights[entryCount] = delta;
        next[entryCount] = heads[slot];
        heads[slot] = entryCount;
        pairs[pairSlot] = pair;
        pairEntries[pairSlot] = entryCount++;
        if (entryCount * 2 > pairs.length) {
            resizePairs(pairs.length * 2);
        }
    }

    /** Receives one (feature, label, weight) entry. */
    interface EntryVisitor {
        void visit(int feature, int label, float weight);
    }

    /** Calls {@code visitor} once per entry, in no particular order. */
    void forEachEntry(EntryVisitor visitor) {
        for (int slot = 0; slot < features.length; slot++) {
            if (features[slot] != EMPTY) {
                for (int e = heads[slot]; e != NONE; e = next[e]) {
                    visitor.visit(features[slot], labels[e], weights[e]);
                }
            }
        }
    }

    /** Calls {@code visitor} for each label with an entry for {@code feature}; nothing when there is none. */
    void forEach(int feature, Visitor visitor) {
        int slot = slotOf(feature, features);
        if (features[slot] == EMPTY) {
            return;
        }
        for (int e = heads[slot]; e != NONE; e = next[e]) {
            visitor.visit(labels[e], weights[e]);
        }
    }

    /**
     * The first entry of {@code feature}'s chain, {@link #NONE} when no label has it; with {@link #nextEntry},
     * {@link #label} and {@link #weight} a scoring loop walks the chain as {@link #forEach} does, without a
     * visitor object per feature.
     */
    int firstEntry(int feature) {
        int slot = slotOf(feature, features);
        return features[slot] == EMPTY ? NONE : heads[slot];
    }

    /** The entry after {@code entry} in its feature's chain, {@link #NONE} at the end. */
    int nextEntry(int entry) {
        return next[entry];
    }

    /** The label of an entry. */
    int label(int entry) {
        return labels[entry];
    }

    /** The weight of an entry. */
    float weight(int entry) {
        return weights[entry];
    }

    private static int slotOf(int feature, int[] table) {
        int mask = table.length - 1;
        int h = feature * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        while (table[slot] != EMPTY && table[slot] != feature) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long pair(int feature, int label) {
        return ((long) feature << 32) | (label & 0xffffffffL);
    }

    private static int pairSlotOf(long pair, long[] table) {
        int mask = table.length - 1;
        long h = pair * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (table[slot] != NO_PAIR && table[slot] != pair) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void resizePairs(int capacity) {
        long[] oldPairs = pairs;
        int[] oldEntries = pairEntries;
        pairs = new long[capacity];
        pairEntries = new int[capacity];
        Arrays.fill(pairs, NO_PAIR);
        for (int i = 0; i < oldPairs.length; i++) {
            if (oldPairs[i] != NO_PAIR) {
                int slot = pairSlotOf(oldPairs[i], pairs);
                pairs[slot] = oldPairs[i];
                pairEntries[slot] = oldEntries[i];
            }
        }
    }

    private void resize(int capacity) {
        int[] oldFeatures = features;
        int[] oldHeads = heads;
        features = new int[capacity];
        heads = new int[capacity];
        Arrays.fill(features, EMPTY);
        for (int i = 0; i < oldFeatures.length; i++) {
            if (oldFeatures[i] != EMPTY) {
                int slot = slotOf(oldFeatures[i], features);
                features[slot] = oldFeatures[i];
                heads[slot] = oldHeads[i];
            }
        }
    }
}
