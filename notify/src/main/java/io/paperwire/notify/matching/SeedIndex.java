package io.paperwire.notify.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The papers the matcher has seen, as TF-IDF vectors, for "more like these papers" subscriptions.
 *
 * <p>In: every matched paper ({@link #observe}), and the seed keys subscriptions ask for ({@link #want},
 * {@link #unwant}). Out: the cosine similarity of a new paper to a seed paper ({@link #similarity}). Vectors are
 * built from the analysed (stemmed, stop-word free) {@code text} field: weight = (1 + ln tf) &times; idf with
 * idf = 1 + ln((N + 1) / (df + 1)) over the N papers observed so far, both vectors weighted with the current idf
 * at comparison time.
 *
 * <p>Memory stays bounded: a seed that some subscription wants is kept for as long as it is wanted; other papers
 * stay in a most-recently-seen cache of {@code recentCapacity} papers, so a subscription created shortly after its
 * seed was published still finds it. A seed never seen (or evicted before it was wanted) gives no similarity until
 * the paper is seen again, for example in a new version. Thread-safe.
 */
public final class SeedIndex {

    /** Default number of recent papers kept besides the wanted seeds. */
    public static final int DEFAULT_RECENT_CAPACITY = 10_000;

    private final Map<String, Integer> termIds = new HashMap<>();
    private int[] documentFrequencies = new int[1024];
    private long observedPapers;
    private final Map<String, Integer> wantedCounts = new HashMap<>();
    private final Map<String, TermVector> wantedVectors = new HashMap<>();
    private final LinkedHashMap<String, TermVector> recent;

    public SeedIndex() {
        this(DEFAULT_RECENT_CAPACITY);
    }

    public SeedIndex(int recentCapacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TermVector> eldest) {
                return size() > recentCapacity;
            }
        };
    }

    /** Counts a paper's terms into the document frequencies and remembers its vector. */
    public synchronized void observe(PaperDocument paper) {
        TermVector vector = vectorOf(paper, true);
        observedPapers++;
        for (int id : vector.termIds) {
            documentFrequencies[id]++;
        }
        if (wantedCounts.containsKey(paper.paperKey())) {
            wantedVectors.put(paper.paperKey(), vector);
        } else {
            recent.put(paper.paperKey(), vector);
        }
    }

    /** A subscription wants this paper as a seed: keep it (and move it out of the recent cache). */
    public synchronized void want(String paperKey) {
        wantedCounts.merge(paperKey, 1, Integer::sum);
        TermVector cached = recent.remove(paperKey);
        if (cached != null) {
            wantedVectors.put(paperKey, cached);
        }
    }

    /** A subscription no longer wants this seed. */
    public synchronized void unwant(String paperKey) {
        Integer count = wantedCounts.get(paperKey);
        if (count == null) {
            return;
        }
        if (count > 1) {
            wantedCounts.put(paperKey, count - 1);
            return;
        }
        wantedCounts.remove(paperKey);
        TermVector vector = wantedVectors.remove(paperKey);
        if (vector != null) {
            recent.put(paperKey, vector);
        }
    }

    /** Whether the vector of this paper is known. */
    public synchronized boolean knows(String paperKey) {
        return wantedVectors.containsKey(paperKey) || recent.containsKey(paperKey);
    }

    /** Number of papers observed, the N of the idf. */
    public synchronized long observedPapers() {
        return observedPapers;
    }

    /** The cosine similarity of a paper to a known seed paper, empty when the seed is unknown or is the paper. */
    public Optional<Double> similarity(PaperDocument paper, String seedKey) {
        return vectorOf(paper).similarity(seedKey);
    }

    /**
     * The paper as a vector, for comparing it with several seeds ({@link PaperVector#similarity}) without
     * building the vector each time.
     */
    public synchronized PaperVector vectorOf(PaperDocument paper) {
        TermVector vector = vectorOf(paper, false);
        cachedNorm(vector);
        return new PaperVector(paper.paperKey(), vector);
    }

    /** A paper's TF-IDF vector, bound to this index. */
    public final class PaperVector {
        private final String paperKey;
        private final TermVector vector;
        /** Per term of the paper: (1 + ln tf) &times; idf&sup2;, so a dot product needs no logarithm. */
        private final double[] weightTimesIdfSquared;

        private PaperVector(String paperKey, TermVector vector) {
            this.paperKey = paperKey;
            this.vector = vector;
            this.weightTimesIdfSquared = new double[vector.termIds.length];
            for (int k = 0; k < vector.termIds.length; k++) {
                double idf = idf(vector.termIds[k]);
                weightTimesIdfSquared[k] = vector.weights[k] * idf * idf;
            }
        }

        /** The cosine similarity to a known seed paper, empty when the seed is unknown or is this paper. */
        public Optional<Double> similarity(String seedKey) {
            if (seedKey.equals(paperKey)) {
                return Optional.empty();
            }
            synchronized (SeedIndex.this) {
                TermVector seed = wantedVectors.get(seedKey);
                if (seed == null) {
                    seed = recent.get(seedKey);
                }
                if (seed == null) {
                    return Optional.empty();
                }
                return Optional.of(dot(seed) / Math.max(Double.MIN_NORMAL, cachedNorm(vector) * cachedNorm(seed)));
            }
        }

        /** The dot product with a seed: a merge of the two sorted term id lists. */
        private double dot(TermVector seed) {
            int[] ids = vector.termIds;
            int[] seedIds = seed.termIds;
            double dot = 0;
            int i = 0;
            int j = 0;
            while (i < ids.length && j < seedIds.length) {
                int a = ids[i];
                int b = seedIds[j];
                if (a == b) {
                    dot += weightTimesIdfSquared[i] * seed.weights[j];
                    i++;
                    j++;
                } else if (a < b) {
                    i++;
                } else {
                    j++;
                }
            }
            return dot;
        }
    }

    /**
     * The norm of a vector under the current idf, recomputed only when the number of observed papers grew by
     * more than 1% since (the idf moves slowly; this keeps a comparison at one pass over the shared terms).
     */
    private double cachedNorm(TermVector vector) {
        if (vector.normComputedAt < 0 || observedPapers > vector.normComputedAt * 1.01 + 1) {
            vector.norm = norm(vector);
            vector.normComputedAt = observedPapers;
        }
        return vector.norm;
    }

    private double norm(TermVector vector) {
        double sum = 0;
        for (int k = 0; k < vector.termIds.length; k++) {
            double w = vector.weights[k] * idf(vector.termIds[k]);
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    private double idf(int termId) {
        int df = termId < documentFrequencies.length ? documentFrequencies[termId] : 0;
        return 1 + Math.log((observedPapers + 1.0) / (df + 1.0));
    }

    /** Term ids (sorted) and log tf weights; unknown terms get ids only when {@code addTerms}. */
    private TermVector vectorOf(PaperDocument paper, boolean addTerms) {
        AnalysedField text = paper.field(PaperField.TEXT);
        int[] tokenIds = new int[text.size()];
        int known = 0;
        for (int token = 0; token < text.size(); token++) {
            Integer id = termIds.get(text.term(token));
            if (id == null && addTerms) {
                id = termIds.size();
                termIds.put(text.term(token), id);
                if (id >= documentFrequencies.length) {
                    documentFrequencies = Arrays.copyOf(documentFrequencies, documentFrequencies.length * 2);
                }
            }
            if (id != null) {
                tokenIds[known++] = id;
            }
        }
        Arrays.sort(tokenIds, 0, known);
        int distinct = 0;
        for (int k = 0; k < known; k++) {
            if (k == 0 || tokenIds[k] != tokenIds[k - 1]) {
                distinct++;
            }
        }
        int[] sortedIds = new int[distinct];
        float[] weights = new float[distinct];
        int next = -1;
        int count = 0;
        for (int k = 0; k < known; k++) {
            if (k == 0 || tokenIds[k] != tokenIds[k - 1]) {
                if (next >= 0) {
                    weights[next] = (float) (1 + Math.log(count));
                }
                sortedIds[++next] = tokenIds[k];
                count = 0;
            }
            count++;
        }
        if (next >= 0) {
            weights[next] = (float) (1 + Math.log(count));
        }
        return new TermVector(sortedIds, weights);
    }

    private static final class TermVector {
        final int[] termIds;
        final float[] weights;
        double norm;
        long normComputedAt = -1;

        TermVector(int[] termIds, float[] weights) {
            this.termIds = termIds;
            this.weights = weights;
        }
    }
}
