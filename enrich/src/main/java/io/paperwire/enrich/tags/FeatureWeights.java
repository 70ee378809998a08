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
    /** A free slot: key {@link #EMPTY}. */
    private static final long EMPTY_SLOT = slot(EMPTY, 0f);

    /**
     * Key and weight of each slot in one long (key in the high half, the float's bits in the low half), so a
     * look-up touches one cache line rather than one in a key array and one in a value array; prediction looks up
     * every feature of a paper in every label's weights.
     */
    private long[] slots;
    private int size;

    FeatureWeights() {
        this(16);
    }

    private FeatureWeights(int capacity) {
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY_SLOT);
    }

    private static long slot(int feature, float weight) {
        return ((long) feature << 32) | (Float.floatToRawIntBits(weight) & 0xffffffffL);
    }

    private static int keyOf(long slot) {
        return (int) (slot >>> 32);
    }

    private static float weightOf(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    /** Adds {@code delta} to the weight of {@code feature} (a missing feature starts at 0). */
    void add(int feature, float delta) {
        if (feature < 0) {
            throw new IllegalArgumentException("feature ids are non-negative, was " + feature);
        }
        if ((size + 1) * 4 > slots.length * 3) {
            resize(slots.length * 2);
        }
        int index = indexOf(feature, slots);
        long slot = slots[index];
        if (keyOf(slot) == EMPTY) {
            size++;
            slots[index] = slot(feature, 0f + delta);
        } else {
            slots[index] = slot(feature, weightOf(slot) + delta);
        }
    }

    /** The weight of {@code feature}, 0 when absent. */
    float get(int feature) {
        long slot = slots[indexOf(feature, slots)];
        return keyOf(slot) == EMPTY ? 0f : weightOf(slot);
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
        for (long slot : slots) {
            if (keyOf(slot) != EMPTY) {
                visitor.visit(keyOf(slot), weightOf(slot));
            }
        }
    }

    private static int indexOf(int feature, long[] slots) {
        int mask = slots.length - 1;
        int index = mix(feature) & mask;
        int key;
        while ((key = keyOf(slots[index])) != EMPTY && key != feature) {
            index = (index + 1) & mask;
        }
        return index;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private void resize(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY_SLOT);
        for (long slot : old) {
            if (keyOf(slot) != EMPTY) {
                slots[indexOf(keyOf(slot), slots)] = slot;
            }
        }
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (long slot : slots) {
            if (keyOf(slot) != EMPTY) {
                out.writeInt(keyOf(slot));
                out.writeFloat(weightOf(slot));
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
