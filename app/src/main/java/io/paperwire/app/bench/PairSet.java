package io.paperwire.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of (subscription, paper) pairs kept compact enough for a bench at 100,000 subscriptions (millions of matches):
 * each id becomes a number (shared by every set made with the same {@link Codec}) and each pair one {@code long}.
 * Thread-safe.
 */
final class PairSet {

    /**
     * Numbers for subscription ids and paper keys, shared by the sets that are compared with each other. Thread-safe;
     * lock-free for the ids it was made with.
     */
    static final class Codec {
        private final Map<String, Integer> subscriptions = new HashMap<>();
        private final Map<String, Integer> papers = new HashMap<>();
        private final Map<String, Integer> addedSubscriptions = new HashMap<>();
        private final Map<String, Integer> addedPapers = new HashMap<>();
        private final List<String> subscriptionIds = new ArrayList<>();
        private final List<String> paperKeys = new ArrayList<>();

        /** A codec that numbers {@code subscriptionIds} and {@code paperKeys} up front (read without a lock). */
        Codec(List<String> subscriptionIds, List<String> paperKeys) {
            subscriptionIds.forEach(id -> subscriptions.computeIfAbsent(id, i -> {
                this.subscriptionIds.add(i);
                return this.subscriptionIds.size() - 1;
            }));
            paperKeys.forEach(key -> papers.computeIfAbsent(key, k -> {
                this.paperKeys.add(k);
                return this.paperKeys.size() - 1;
            }));
        }

        Codec() {
            this(List.of(), List.of());
        }

        long encode(String subscriptionId, String paperKey) {
            Integer subscription = subscriptions.get(subscriptionId);
            Integer paper = papers.get(paperKey);
            if (subscription == null || paper == null) {
                synchronized (this) {
                    if (subscription == null) {
                        subscription = addedSubscriptions.computeIfAbsent(subscriptionId, id -> {
                            subscriptionIds.add(id);
                            return subscriptionIds.size() - 1;
                        });
                    }
                    if (paper == null) {
                        paper = addedPapers.computeIfAbsent(paperKey, key -> {
                            paperKeys.add(key);
                            return paperKeys.size() - 1;
                        });
                    }
                }
            }
            return ((long) subscription << 32) | (paper & 0xffffffffL);
        }

        synchronized String decode(long pair) {
            return BenchEvidence.pair(subscriptionIds.get((int) (pair >>> 32)), paperKeys.get((int) pair));
        }
    }

    private final Codec codec;
    private long[] pairs = new long[1024];
    private int size;
    private int distinctUpTo;

    PairSet(Codec codec) {
        this.codec = codec;
    }

    /** An empty set with the same codec (comparable with this one). */
    PairSet emptyLike() {
        return new PairSet(codec);
    }

    /**
     * An empty set with the same codec and room for {@code expectedPairs} before it grows: a timed stage that
     * records millions of pairs should not pay for copying ever larger arrays while it is measured.
     */
    PairSet emptyLike(int expectedPairs) {
        PairSet set = new PairSet(codec);
        set.pairs = new long[Math.max(1024, expectedPairs)];
        return set;
    }

    synchronized void add(String subscriptionId, String paperKey) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size++] = codec.encode(subscriptionId, paperKey);
    }

    synchronized void addAll(PairSet other) {
        long[] theirs = other.distinct();
        for (long pair : theirs) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, Math.max(pairs.length * 2, size + theirs.length));
            }
            pairs[size++] = pair;
        }
    }

    /** How many pairs were added, repeats included (cheap: for progress lines). */
    synchronized int added() {
        return size;
    }

    /** The number of distinct pairs. */
    synchronized int size() {
        return distinct().length;
    }

    private long[] distinct() {
        if (distinctUpTo < size) {
            Arrays.sort(pairs, 0, size);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (kept == 0 || pairs[kept - 1] != pairs[i]) {
                    pairs[kept++] = pairs[i];
                }
            }
            size = kept;
            distinctUpTo = kept;
        }
        return Arrays.copyOf(pairs, size);
    }

    /** The pairs as {@code subscriptionId|paperKey} strings (for checks on small runs). */
    synchronized Set<String> asStrings() {
        Set<String> strings = new HashSet<>();
        for (long pair : distinct()) {
            strings.add(codec.decode(pair));
        }
        return strings;
    }
}
