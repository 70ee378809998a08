package io.paperwire.enrich.tags;

import java.util.Arrays;

/**
 * An inverted index from hashed feature ids to the labels that have seen them, with each label's weight for the
 * feature. Input: {@link #add(int, int, float)} calls as a model learns. Output: {@link #forEach(int, Visitor)}
 * visits the (label, weight) entries of one feature. {@link SubjectClassifier} scores every label from it with
 * one look-up per feature, instead of one look-up per feature and label in per-label tables that do not fit in
 * cache. Entries are chained through flat arrays, so an entry costs 12 bytes. Not thread-safe.
 */
final class FeatureLabelIndex {

    private static final int EMPTY = -1;
    private static final int NONE = -1;

    /** Open-addressing table from feature id to the first entry of its chain. */
    private int[] features;
    private int[] heads;
    private int featureCount;
    /** Chained entries: label id, weight, and the next entry of the same feature. */
    private int[] labels = new int[64];
    private float[] weights = new float[64];
    private int[] next = new int[64];
    private int entryCount;

    FeatureLabelIndex() {
        features = new int[16];
        heads = new int[16];
        Arrays.fill(features, EMPTY);
    }

    /** Receives one label's weight for a feature. */
    interface Visitor {
        void visit(int label, float weight);
    }

    /** Adds {@code delta} to the weight of {@code label} for {@code feature}. */
    void add(int feature, int label, float delta) {
        if ((featureCount + 1) * 2 > features.length) {
            resize(features.length * 2);
        }
        int slot = slotOf(feature, features);
        if (features[slot] == EMPTY) {
            features[slot] = feature;
            heads[slot] = NONE;
            featureCount++;
        }
        for (int e = heads[slot]; e != NONE; e = next[e]) {
            if (labels[e] == label) {
                weights[e] += delta;
                return;
            }
        }
        if (entryCount == labels.length) {
            labels = Arrays.copyOf(labels, entryCount * 2);
            weights = Arrays.copyOf(weights, entryCount * 2);
            next = Arrays.copyOf(next, entryCount * 2);
        }
        labels[entryCount] = label;
        weights[entryCount] = delta;
        next[entryCount] = heads[slot];
        heads[slot] = entryCount++;
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

    private static int slotOf(int feature, int[] table) {
        int mask = table.length - 1;
        int h = feature * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        while (table[slot] != EMPTY && table[slot] != feature) {
            slot = (slot + 1) & mask;
        }
        return slot;
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
