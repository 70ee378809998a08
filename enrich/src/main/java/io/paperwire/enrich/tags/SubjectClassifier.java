package io.paperwire.enrich.tags;

import io.paperwire.enrich.keywords.AnalyzedText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Learns arXiv archive and category from text, online, and predicts them for papers that arrive without
 * categories. Input to {@link #train}: title, abstract and the categories a source gave (primary first). Input to
 * {@link #predict}: title and abstract. Output: a {@link SubjectPrediction} with a confidence per label.
 *
 * <p>Method: two complement naive Bayes models (Rennie et al. 2003; one over archives, one over categories) on
 * Porter-stemmed unigrams and bigrams of the shared {@link AnalyzedText} (stop words and numbers dropped, LaTeX
 * blanked), hashed into
 * 2<sup>{@value #HASH_BITS}</sup> buckets, with log(1 + tf) term weights, additive smoothing α = {@value #SMOOTHING}
 * and no class prior. A label's score is −Σ<sub>f</sub> t<sub>f</sub> log θ̃<sub>label,f</sub>, where θ̃ is the
 * smoothed feature distribution of every <em>other</em> label; complement counts are steadier than a small
 * class's own counts, which matters when some archives have a few dozen papers. The archive model learns each
 * paper's primary archive; the category model learns the primary category with weight 1 and each cross-list with
 * weight {@value #CROSS_LIST_WEIGHT}. Both update in O(tokens) per paper, so learning never stops. The predicted
 * archive combines both models: the archive model's posterior times that of the archive's best category
 * (renormalised), which lifted archive accuracy from 0.780 to 0.810 on the 2007 sample. Scoring reads an inverted
 * index (feature → labels that saw it), so a prediction costs one look-up per feature, not one per feature and
 * label. Confidences
 * are a softmax of the scores divided by the square root of the document's feature mass, which keeps naive
 * Bayes from being near-certain of everything; they order labels well but are not calibrated probabilities.
 *
 * <p>Archive is what {@link ArxivTaxonomy} files a code under: the part before the dot for grouped archives
 * ({@code cs.LG} → {@code cs}), the code itself for archives without subject classes ({@code hep-th},
 * {@code gr-qc}, {@code quant-ph}, {@code math-ph}, {@code nucl-th} are each their own archive, as on arXiv), and
 * today's archive for legacy codes ({@code alg-geom} → {@code math}). Categories are learnt under their canonical
 * code ({@code math.MP} → {@code math-ph}). Papers whose primary code is not in the taxonomy are not learnt from.
 * State is bytes ({@link #toBytes()}, {@link #fromBytes}) for a state store. Not thread-safe.
 */
public final class SubjectClassifier {

    static final int HASH_BITS = 20;
    static final double SMOOTHING = 1.0;
    static final double CROSS_LIST_WEIGHT = 0.5;
    /** Format 1: no prior (v1, v2). Format 2 adds the prior's name and weight. */
    private static final int FORMAT = 2;
    private static final int FORMAT_WITHOUT_PRIOR = 1;
    private static final String MAGIC = "paperwire-subject-classifier";
    /** Keeps a log-posterior finite when a view gives a label no probability at all. */
    private static final double TINY = 1e-12;
    /**
     * Names the feature extraction (tokens, stemming, hashing); a {@link SubjectPrior} built for other features is
     * refused. Change it whenever {@link #features} changes, and rebuild the prior.
     */
    public static final String FEATURES = "analyzed-text-porter-uni-bi-fnv1a-h" + HASH_BITS + "-log1p";
    /** The method without a prior: v2's model, started empty. */
    public static final String VERSION_WITHOUT_PRIOR = "cnb-hier-h" + HASH_BITS + "-v3";
    /**
     * Identifies the method and its settings as the stream runs it: v2's two models (archive model times the
     * archive's best category), v3 started from the shipped {@link SubjectPrior}. Part of each tag's origin.
     */
    public static final String VERSION = VERSION_WITHOUT_PRIOR + "-prior";
    /**
     * Weight of one prior paper against one live paper (the prior's counts are multiplied by it). Chosen on
     * validation splits inside the training part of the 2007 sample (docs/tags.md).
     */
    public static final double DEFAULT_PRIOR_WEIGHT = 0.5;

    private final ArxivTaxonomy taxonomy;
    /** English stop words, matched on a word's lower-cased (unstemmed) form. */
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private final LabelModel archives;
    private final LabelModel categories;
    /** The current paper's features; reused from paper to paper, so its arrays are allocated once. */
    private final FeatureVector paperFeatures = new FeatureVector();
    /** Documents seen per feature; its size is the vocabulary for smoothing. */
    private final FeatureWeights seenFeatures;
    private long trainedPapers;
    /** The prior's name, empty without one. */
    private String priorName;
    private double priorWeight;

    /** A classifier without prior: it knows nothing until it has learnt. */
    public SubjectClassifier(ArxivTaxonomy taxonomy) {
        this(taxonomy, new LabelModel(), new LabelModel(), new FeatureWeights(), 0, "", 0);
    }

    /**
     * A classifier that starts from {@code prior}, each prior paper counting {@code priorWeight} times as much as
     * a paper it learns (0 means no prior).
     */
    public SubjectClassifier(ArxivTaxonomy taxonomy, SubjectPrior prior, double priorWeight) {
        this(taxonomy, new LabelModel(), new LabelModel(), new FeatureWeights(), 0, "", 0);
        addPrior(prior, priorWeight);
    }

    private SubjectClassifier(ArxivTaxonomy taxonomy, LabelModel archives, LabelModel categories,
                              FeatureWeights seenFeatures, long trainedPapers, String priorName,
                              double priorWeight) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.archives = archives;
        this.categories = categories;
        this.seenFeatures = seenFeatures;
        this.trainedPapers = trainedPapers;
        this.priorName = priorName;
        this.priorWeight = priorWeight;
    }

    /** Adds the prior's counts, scaled by {@code weight}, to this classifier's (which has none yet). */
    private SubjectClassifier addPrior(SubjectPrior prior, double weight) {
        Objects.requireNonNull(prior, "prior");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("prior weight must be a finite number ≥ 0, was " + weight);
        }
        if (weight == 0) {
            return this;
        }
        prior.seenFeatures().forEach((feature, papers) -> seenFeatures.add(feature, (float) (papers * weight)));
        prior.archiveWeights().forEach((label, weights) -> archives.learn(label, weights, weight));
        prior.categoryWeights().forEach((label, weights) -> categories.learn(label, weights, weight));
        priorName = prior.name();
        priorWeight = weight;
        return this;
    }

    /** The version of the method this instance runs: {@link #VERSION} with a prior, else without. */
    public String version() {
        return priorName.isEmpty() ? VERSION_WITHOUT_PRIOR : VERSION;
    }

    /** The name of the prior it started from, empty without one. */
    public String priorName() {
        return priorName;
    }

    /** The weight of one prior paper (0 without prior). */
    public double priorWeight() {
        return priorWeight;
    }

    FeatureWeights seenFeatures() {
        return seenFeatures;
    }

    LabelModel archiveModel() {
        return archives;
    }

    LabelModel categoryModel() {
        return categories;
    }

    /** How many papers the classifier has learnt from. */
    public long trainedPapers() {
        return trainedPapers;
    }

    /**
     * Learns from one paper.
     *
     * @param categories the paper's categories, primary first
     * @return false (and nothing learnt) when there is no text or the primary category is not in the taxonomy
     */
    public boolean train(String title, String abstractText, List<String> categories) {
        return train(AnalyzedText.of(title, abstractText), categories);
    }

    /** {@link #train(String, String, List)} on text already analysed (shared with the keyword extractor). */
    public boolean train(AnalyzedText text, List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            return false;
        }
        Optional<ArxivCategory> primary = taxonomy.find(categories.get(0));
        if (primary.isEmpty()) {
            return false;
        }
        FeatureVector features = featureVector(text);
        if (features.size() == 0) {
            return false;
        }
        for (int i = 0; i < features.size(); i++) {
            seenFeatures.add(features.id(i), 1f);
        }

        archives.learn(primary.get().archive(), features, 1.0);

        // The primary category, then each cross-list once, in the order given (the order of float additions
        // into the shared per-feature totals is part of what is learnt).
        String primaryCode = primary.get().canonicalCode();
        this.categories.learn(primaryCode, features, 1.0);
        List<String> learnt = categories.size() == 1 ? List.of() : new ArrayList<>(categories.size() - 1);
        for (int i = 1; i < categories.size(); i++) {
            Optional<ArxivCategory> crossList = taxonomy.find(categories.get(i));
            if (crossList.isPresent()) {
                String code = crossList.get().canonicalCode();
                if (!code.equals(primaryCode) && !learnt.contains(code)) {
                    learnt.add(code);
                    this.categories.learn(code, features, CROSS_LIST_WEIGHT);
                }
            }
        }
        trainedPapers++;
        return true;
    }

    /** Archive and category predictions for a paper, best first; empty before any training and without prior. */
    public SubjectPrediction predict(String title, String abstractText) {
        return predict(AnalyzedText.of(title, abstractText));
    }

    /** {@link #predict(String, String)} on text already analysed. */
    public SubjectPrediction predict(AnalyzedText text) {
        Map<Integer, Float> features = features(text);
        int vocabulary = Math.max(1, seenFeatures.size());
        Map<String, Double> categoryPosterior = categories.posterior(features, vocabulary);
        Map<String, Double> archivePosterior = combineArchiveEvidence(archives.posterior(features, vocabulary),
                categoryPosterior);
        List<SubjectPrediction.Scored> archiveScores = archivePosterior.entrySet().stream()
                .map(e -> new SubjectPrediction.Scored(e.getKey(), taxonomy.archiveName(e.getKey()).orElse(null),
                        e.getValue()))
                .toList();
        List<SubjectPrediction.Scored> categoryScores = categoryPosterior.entrySet().stream()
                .map(e -> new SubjectPrediction.Scored(e.getKey(),
                        taxonomy.find(e.getKey()).map(ArxivCategory::name).orElse(null), e.getValue()))
                .toList();
        return new SubjectPrediction(archiveScores, categoryScores, "classifier:" + version(), trainedPapers);
    }

    /**
     * The archive posterior from two views: the archive model's own posterior, and for each archive the posterior
     * of its single best category in the category model (the best, not the sum, so archives with many categories
     * are not favoured). The two log-posteriors are added and renormalised, a product of experts. Archives the
     * archive model has not learnt (they only occur as cross-lists) are left out.
     */
    private Map<String, Double> combineArchiveEvidence(Map<String, Double> archivePosterior,
                                                       Map<String, Double> categoryPosterior) {
        Map<String, Double> bestCategory = new HashMap<>();
        categoryPosterior.forEach((code, p) -> taxonomy.archiveOf(code)
                .ifPresent(archive -> bestCategory.merge(archive, p, Math::max)));
        Map<String, Double> logScores = new HashMap<>();
        archivePosterior.forEach((archive, p) -> logScores.put(archive,
                Math.log(p + TINY) + Math.log(bestCategory.getOrDefault(archive, 0.0) + TINY)));
        return LabelModel.normalise(logScores);
    }

    /**
     * Hashed unigram and bigram features with log(1 + tf) weights, as a map for scoring. Its entries are put in
     * order of first occurrence, so it iterates (and scores sum) in the same order as before the
     * {@link FeatureVector} existed: a HashMap's order depends only on its keys, its size and the order of
     * keys that share a bucket.
     */
    Map<Integer, Float> features(String title, String abstractText) {
        return features(AnalyzedText.of(title, abstractText));
    }

    private Map<Integer, Float> features(AnalyzedText text) {
        FeatureVector vector = featureVector(text);
        Map<Integer, Float> features = new HashMap<>();
        for (int i = 0; i < vector.size(); i++) {
            features.put(vector.id(i), vector.weight(i));
        }
        return features;
    }

    /**
     * A paper's features in order of first occurrence, with log(1 + tf) weights, in flat arrays: learning reads
     * them without boxing. The order does not change what is learnt: each feature's weights are updated on their
     * own, and the per-label total is a sum of a few hundred floats in a double, which is exact in any order.
     */
    static final class FeatureVector {
        private int[] ids = new int[256];
        private int[] counts = new int[256];
        private float[] weights = new float[256];
        private int size;
        /** Open-addressing table from feature id to its position + 1 (0: free). */
        private int[] positions = new int[1024];

        /** Empties the vector for the next paper, keeping its arrays. */
        void clear() {
            if (size > 0) {
                java.util.Arrays.fill(positions, 0);
                size = 0;
            }
        }

        void count(int feature) {
            int mask = positions.length - 1;
            int slot = mix(feature) & mask;
            while (positions[slot] != 0) {
                if (ids[positions[slot] - 1] == feature) {
                    counts[positions[slot] - 1]++;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            ids[size] = feature;
            counts[size] = 1;
            positions[slot] = ++size;
            if (size * 2 > positions.length) {
                rehash();
            }
        }

        private void rehash() {
            positions = new int[positions.length * 2];
            int mask = positions.length - 1;
            for (int i = 0; i < size; i++) {
                int slot = mix(ids[i]) & mask;
                while (positions[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                positions[slot] = i + 1;
            }
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        FeatureVector finish() {
            if (weights.length < size) {
                weights = new float[ids.length];
            }
            for (int i = 0; i < size; i++) {
                weights[i] = (float) Math.log1p(counts[i]);
            }
            return this;
        }

        int size() {
            return size;
        }

        int id(int index) {
            return ids[index];
        }

        float weight(int index) {
            return weights[index];
        }
    }

    /**
     * The paper's features, counted as its words arrive: for each kept stem, the bigram with the kept stem before
     * it in the same field (stop words and numbers skipped), then the stem itself, which is the order a list of
     * the kept stems gave (unigram a, bigram "a b", unigram b, …). Each stem's FNV-1a state is kept before
     * masking: a bigram "a b" continues a's state with ' ' and b's bytes, which gives exactly bucket("a b")
     * without building the string. The vector is this classifier's own and valid until its next call.
     */
    FeatureVector featureVector(AnalyzedText text) {
        FeatureVector vector = paperFeatures;
        vector.clear();
        text.forEachWord(new AnalyzedText.WordVisitor() {
            /** FNV-1a state of the field's last kept stem, when there is one. */
            private int previousState;
            private boolean hasPrevious;

            @Override
            public void word(String stem, String lowerCase, boolean numeric) {
                if (stem.length() > 1 && !isNumber(stem) && !STOP_WORDS.contains(lowerCase)) {
                    int state = fnv(FNV_OFFSET, stem);
                    if (hasPrevious) {
                        vector.count(fnv(fnvByte(previousState, ' '), stem) & BUCKET_MASK);
                    }
                    vector.count(state & BUCKET_MASK);
                    previousState = state;
                    hasPrevious = true;
                }
            }

            @Override
            public void endOfField() {
                hasPrevious = false;
            }
        });
        return vector.finish();
    }

    private static boolean isNumber(String stem) {
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /** A stable bucket for a feature string (FNV-1a over UTF-8, so it does not depend on the JVM). */
    static int bucket(String feature) {
        return fnv(FNV_OFFSET, feature) & BUCKET_MASK;
    }

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int BUCKET_MASK = (1 << HASH_BITS) - 1;

    /** Continues an FNV-1a state over the UTF-8 bytes of {@code text}, without allocating them. */
    private static int fnv(int state, String text) {
        int hash = state;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                hash = fnvByte(hash, c);
            } else if (c < 0x800) {
                hash = fnvByte(hash, 0xc0 | (c >> 6));
                hash = fnvByte(hash, 0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                hash = fnvByte(hash, 0xf0 | (cp >> 18));
                hash = fnvByte(hash, 0x80 | ((cp >> 12) & 0x3f));
                hash = fnvByte(hash, 0x80 | ((cp >> 6) & 0x3f));
                hash = fnvByte(hash, 0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                hash = fnvByte(hash, '?'); // what String.getBytes(UTF_8) writes for a lone surrogate
            } else {
                hash = fnvByte(hash, 0xe0 | (c >> 12));
                hash = fnvByte(hash, 0x80 | ((c >> 6) & 0x3f));
                hash = fnvByte(hash, 0x80 | (c & 0x3f));
            }
        }
        return hash;
    }

    private static int fnvByte(int hash, int b) {
        return (hash ^ (b & 0xff)) * FNV_PRIME;
    }

    /** The whole state (prior counts included, with the prior's name and weight), gzip-compressed. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(HASH_BITS);
            out.writeUTF(priorName);
            out.writeDouble(priorWeight);
            out.writeLong(trainedPapers);
            seenFeatures.writeTo(out);
            archives.writeTo(out);
            categories.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A classifier from {@link #toBytes()} output, as it was saved (with or without its prior).
     *
     * @throws IllegalArgumentException when the bytes are not a classifier state of a format this build reads
     */
    public static SubjectClassifier fromBytes(byte[] state, ArxivTaxonomy taxonomy) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(state)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException("not a subject classifier state (starts with '" + magic + "')");
            }
            int format = in.readInt();
            int hashBits = in.readInt();
            if ((format != FORMAT && format != FORMAT_WITHOUT_PRIOR) || hashBits != HASH_BITS) {
                throw new IllegalArgumentException("classifier state has format " + format + " with " + hashBits
                        + " hash bits; this build reads formats " + FORMAT_WITHOUT_PRIOR + " and " + FORMAT
                        + " with " + HASH_BITS);
            }
            String prior = format == FORMAT ? in.readUTF() : "";
            double weight = format == FORMAT ? in.readDouble() : 0;
            long trained = in.readLong();
            FeatureWeights seen = FeatureWeights.readFrom(in);
            LabelModel archiveModel = LabelModel.readFrom(in);
            LabelModel categoryModel = LabelModel.readFrom(in);
            if (in.read() != -1) {
                throw new IllegalArgumentException("subject classifier state has trailing bytes");
            }
            return new SubjectClassifier(taxonomy, archiveModel, categoryModel, seen, trained, prior, weight);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt subject classifier state: " + e.getMessage(), e);
        }
    }

    /**
     * A classifier from {@link #toBytes()} output that runs with {@code prior} at {@code priorWeight}. A state
     * saved without prior (format 1, v1/v2, or weight 0) gets the prior added to what it learnt, which is exactly
     * the state a classifier started from the prior would have. A state saved with this very prior and weight is
     * read as is.
     *
     * @throws PriorMismatchException when the state holds another prior or weight: its counts cannot be taken
     *     apart again, so the caller must start afresh
     * @throws IllegalArgumentException when the bytes are not a classifier state of a format this build reads
     */
    public static SubjectClassifier fromBytes(byte[] state, ArxivTaxonomy taxonomy, SubjectPrior prior,
                                              double priorWeight) {
        SubjectClassifier saved = fromBytes(state, taxonomy);
        if (saved.priorName.isEmpty()) {
            return saved.addPrior(prior, priorWeight);
        }
        if (saved.priorName.equals(prior.name()) && saved.priorWeight == priorWeight) {
            return saved;
        }
        throw new PriorMismatchException("classifier state was built on prior " + saved.priorName + " at weight "
                + saved.priorWeight + "; this build runs prior " + prior.name() + " at weight " + priorWeight);
    }

    /** A saved classifier that holds another prior (or prior weight) than the one asked for. */
    public static final class PriorMismatchException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PriorMismatchException(String message) {
            super(message);
        }
    }

    /** Complement naive Bayes over one set of labels. */
    static final class LabelModel {
        /** Label → its position in {@link #labelNames}; the id the index files the label's weights under. */
        private final Map<String, Integer> labelIds = new HashMap<>();
        /** Each label's summed feature weight, by label id. */
        private double[] featureTotals = new double[16];
        /** The sum over labels of their feature weights, from which each label's complement is taken. */
        private final FeatureWeights allWeights = new FeatureWeights();
        /** Each label's weight per feature, indexed by feature; labels by their position in {@link #labelNames}. */
        private final FeatureLabelIndex index = new FeatureLabelIndex();
        private final List<String> labelNames = new ArrayList<>();
        private double allTotal;

        /** Adds another model's weights for {@code label}, times {@code scale} (a prior). */
        void learn(String label, FeatureWeights weights, double scale) {
            int labelId = idOf(label);
            double[] total = {0};
            weights.forEach((feature, weight) -> {
                float w = (float) (weight * scale);
                allWeights.add(feature, w);
                index.add(feature, labelId, w);
                total[0] += w;
            });
            featureTotals[labelId] += total[0];
            allTotal += total[0];
        }

        void learn(String label, FeatureVector features, double weight) {
            int labelId = idOf(label);
            double total = 0;
            for (int i = 0; i < features.size(); i++) {
                float w = (float) (features.weight(i) * weight);
                allWeights.add(features.id(i), w);
                index.add(features.id(i), labelId, w);
                total += w;
            }
            featureTotals[labelId] += total;
            allTotal += total;
        }

        private int idOf(String label) {
            Integer id = labelIds.get(label);
            if (id == null) {
                id = labelNames.size();
                labelIds.put(label, id);
                labelNames.add(label);
                if (id == featureTotals.length) {
                    featureTotals = java.util.Arrays.copyOf(featureTotals, id * 2);
                }
            }
            return id;
        }

        /** Label → confidence (tempered softmax of complement scores, summing to 1), best first. */
        Map<String, Double> posterior(Map<Integer, Float> features, int vocabulary) {
            if (labelNames.isEmpty()) {
                return new LinkedHashMap<>();
            }
            double mass = 0;
            for (float w : features.values()) {
                mass += w;
            }
            double temperature = Math.max(1.0, Math.sqrt(mass));
            // A label that never saw feature f has complement weight all(f), the same for every such label, so
            // the term t·log(all(f) + α) is shared and drops out of the softmax. Only the labels that did see f,
            // found in the inverted index, need a term of their own.
            double[] scores = new double[labelNames.size()];
            for (int label = 0; label < scores.length; label++) {
                double complementTotal = Math.max(0, allTotal - featureTotals[label]);
                scores[label] = mass * Math.log(complementTotal + SMOOTHING * vocabulary);
            }
            for (Map.Entry<Integer, Float> feature : features.entrySet()) {
                int f = feature.getKey();
                double termWeight = feature.getValue();
                float all = allWeights.get(f);
                double sharedLog = Math.log(all + SMOOTHING);
                for (int e = index.firstEntry(f); e != FeatureLabelIndex.NONE; e = index.nextEntry(e)) {
                    scores[index.label(e)] -= termWeight
                            * (Math.log(Math.max(0, all - index.weight(e)) + SMOOTHING) - sharedLog);
                }
            }
            Map<String, Double> tempered = new HashMap<>();
            for (int label = 0; label < scores.length; label++) {
                tempered.put(labelNames.get(label), scores[label] / temperature);
            }
            return normalise(tempered);
        }

        /** Label → softmax of the log-scores (summing to 1), best first, ties by label. */
        static Map<String, Double> normalise(Map<String, Double> logScores) {
            Map<String, Double> result = new LinkedHashMap<>();
            double max = logScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double sum = 0;
            for (double s : logScores.values()) {
                sum += Math.exp(s - max);
            }
            final double norm = sum;
            logScores.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> result.put(e.getKey(), Math.exp(e.getValue() - max) / norm));
            return result;
        }

        /** Each label's weights, rebuilt from the index, in the order labels were first learnt. */
        Map<String, FeatureWeights> weightsByLabel() {
            List<FeatureWeights> weightsByLabel = new ArrayList<>();
            for (int i = 0; i < labelNames.size(); i++) {
                weightsByLabel.add(new FeatureWeights());
            }
            index.forEachEntry((feature, label, weight) -> weightsByLabel.get(label).add(feature, weight));
            Map<String, FeatureWeights> result = new LinkedHashMap<>();
            for (int i = 0; i < labelNames.size(); i++) {
                result.put(labelNames.get(i), weightsByLabel.get(i));
            }
            return result;
        }

        /** Per label, in the order first learnt: name, feature total, and its weights (rebuilt from the index). */
        void writeTo(DataOutputStream out) throws IOException {
            List<FeatureWeights> weightsByLabel = new ArrayList<>(weightsByLabel().values());
            out.writeInt(labelNames.size());
            for (int label = 0; label < labelNames.size(); label++) {
                out.writeUTF(labelNames.get(label));
                out.writeDouble(featureTotals[label]);
                weightsByLabel.get(label).writeTo(out);
            }
        }

        static LabelModel readFrom(DataInputStream in) throws IOException {
            LabelModel model = new LabelModel();
            int labels = in.readInt();
            if (labels < 0) {
                throw new IOException("negative label count " + labels);
            }
            for (int i = 0; i < labels; i++) {
                String label = in.readUTF();
                double total = in.readDouble();
                FeatureWeights weights = FeatureWeights.readFrom(in);
                if (model.labelIds.containsKey(label)) {
                    throw new IOException("label " + label + " appears twice");
                }
                int labelId = model.idOf(label);
                model.featureTotals[labelId] = total;
                model.allTotal += total;
                weights.forEach(model.allWeights::add);
                weights.forEach((feature, weight) -> model.index.add(feature, labelId, weight));
            }
            return model;
        }
    }
}
