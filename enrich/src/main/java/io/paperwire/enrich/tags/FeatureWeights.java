package io.paperwire.enrich.tags;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A growable map from hashed feature ids (non-negative ints) to float weights, with open addressing so millions
 * of entries cost 8 bytes each rather than a boxed map entry. Used by {@link SubjectClassifier} for per-class
 * feature counts. Not thread-safe.
 */
final class FeatureWeights {

    private static final int EMPTY = -1;

    private int[] keys;
    private float[] values;
    private int size;

    FeatureWeights() {
        this(16);
    }

    private FeatureWeights(int capacity) {
        keys = new int[capacity];
        values = new float[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds {@code delta} to the weight of {@code feature} (a missing feature starts at 0). */
    void add(int feature, float delta) {
        if (feature < 0) {
            throw new IllegalArgumentException("feature ids are non-negative, was " + feature);
        }
        if ((size + 1) * 4 > keys.length * 3) {
            resize(keys.length * 2);
        }
        int slot = slotOf(feature, keys);
        if (keys[slot] == EMPTY) {
            keys[slot] = feature;
            size++;
        }
        values[slot] += delta;
    }

    /** The weight of {@code feature}, 0 when absent. */
    float get(int feature) {
        int slot = slotOf(feature, keys);
        return keys[slot] == EMPTY ? 0f : values[slot];
    }

    /** The number of features with an entry. */
    int size() {
        return size;
    }

    /** Receives each feature and its weight. */
    interface Visitor {
        void visit(int feature, float weight);
    }

    /** Calls {@code visitor} once per feature with an entry, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    private static int slotOf(int feature, int[] keys) {
        int mask = keys.length - 1;
        int slot = mix(feature) & mask;
        while (keys[slot] != EMPTY && keys[slot] != feature) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private void resize(int capacity) {
        int[] oldKeys = keys;
        float[] oldValues = values;
        keys = new int[capacity];
        values = new float[capacity];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                out.writeInt(keys[i]);
                out.writeFloat(values[i]);
            }
        }
    }

    static FeatureWeights readFrom(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative feature count " + count);
        }
        int capacity = 16;
        while (capacity * 3 < (count + 1) * 4) {
            capacity *= 2;
        }
        FeatureWeights weights = new FeatureWeights(capacity);
        for (int i = 0; i < count; i++) {
            int feature = in.readInt();
            if (feature < 0) {
                throw new IOException("negative feature id " + feature);
            }
            weights.add(feature, in.readFloat());
        }
        return weights;
    }
}
