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
    /** Raised whenever a wanted seed's vector is added, replaced or dropped. */
    private long wantedVersion;
    /** The inverted seed vectors last asked for by {@link PaperVector#similarities}. */
    private SeedPostings seedPostings;

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
            wantedVersion++;
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
            wantedVersion++;
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
            wantedVersion++;
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
            TermVector seed;
            double norms;
            synchronized (SeedIndex.this) {
                seed = knownVector(seedKey);
                if (seed == null) {
                    return Optional.empty();
                }
                norms = cachedNorm(vector) * cachedNorm(seed);
            }
            // A seed's ids and weights never change once built: the dot product needs no lock.
            return Optional.of(dot(seed) / Math.max(Double.MIN_NORMAL, norms));
        }

        /**
         * The cosine similarities to several seeds at once, in their order; {@code NaN} where the seed is unknown
         * or is this paper. The seeds' vectors are inverted once (term &rarr; seeds with their weights) and kept
         * until a wanted seed's vector changes, so one pass over this paper's terms gives every dot product; the
         * seeds and norms are looked up under the index's lock, the products are summed outside it.
         */
        public double[] similarities(String[] seedKeys) {
            SeedPostings postings;
            double[] norms = new double[seedKeys.length];
            synchronized (SeedIndex.this) {
                postings = seedPostings;
                if (postings == null || postings.seedKeys != seedKeys || postings.version != wantedVersion) {
                    TermVector[] seeds = new TermVector[seedKeys.length];
                    for (int k = 0; k < seedKeys.length; k++) {
                        seeds[k] = knownVector(seedKeys[k]);
                    }
                    postings = new SeedPostings(seedKeys, seeds, wantedVersion);
                    seedPostings = postings;
                }
                double norm = cachedNorm(vector);
                for (int k = 0; k < seedKeys.length; k++) {
                    if (postings.seeds[k] != null) {
                        norms[k] = norm * cachedNorm(postings.seeds[k]);
                    }
                }
            }
            double[] dots = postings.dots(vector.termIds, weightTimesIdfSquared);
            for (int k = 0; k < seedKeys.length; k++) {
                dots[k] = postings.seeds[k] == null || seedKeys[k].equals(paperKey)
                        ? Double.NaN : dots[k] / Math.max(Double.MIN_NORMAL, norms[k]);
            }
            return dots;
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

    /** The vector of a wanted or recent paper, or null; the caller holds the lock. */
    private TermVector knownVector(String paperKey) {
        TermVector seed = wantedVectors.get(paperKey);
        return seed != null ? seed : recent.get(paperKey);
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

    /**
     * Seed vectors inverted: for each term id, the seeds that have it and their weights, in flat arrays.
     * Immutable once built; the term ids are those of this index at the time.
     */
    private static final class SeedPostings {
        final String[] seedKeys;
        final TermVector[] seeds;
        final long version;
        private final int[] starts;
        private final int[] seedIndexes;
        private final float[] weights;

        SeedPostings(String[] seedKeys, TermVector[] seeds, long version) {
            this.seedKeys = seedKeys;
            this.seeds = seeds;
            this.version = version;
            int maxTerm = -1;
            int total = 0;
            for (TermVector seed : seeds) {
                if (seed != null && seed.termIds.length > 0) {
                    maxTerm = Math.max(maxTerm, seed.termIds[seed.termIds.length - 1]);
                    total += seed.termIds.length;
                }
            }
            starts = new int[maxTerm + 2];
            for (TermVector seed : seeds) {
                if (seed != null) {
                    for (int id : seed.termIds) {
                        starts[id + 1]++;
                    }
                }
            }
            for (int t = 1; t < starts.length; t++) {
                starts[t] += starts[t - 1];
            }
            seedIndexes = new int[total];
            weights = new float[total];
            int[] filled = Arrays.copyOf(starts, starts.length);
            for (int k = 0; k < seeds.length; k++) {
                if (seeds[k] != null) {
                    for (int i = 0; i < seeds[k].termIds.length; i++) {
                        int slot = filled[seeds[k].termIds[i]]++;
                        seedIndexes[slot] = k;
                        weights[slot] = seeds[k].weights[i];
                    }
                }
            }
        }

        /** The dot product of a paper's (sorted) terms, weighted as given, with every seed. */
        double[] dots(int[] termIds, double[] termWeights) {
            double[] dots = new double[seeds.length];
            int limit = starts.length - 1;
            for (int i = 0; i < termIds.length; i++) {
                int term = termIds[i];
                if (term >= limit) {
                    break; // sorted: no later term is in any seed either
                }
                double weight = termWeights[i];
                for (int slot = starts[term]; slot < starts[term + 1]; slot++) {
                    dots[seedIndexes[slot]] += weight * weights[slot];
                }
            }
            return dots;
        }
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
