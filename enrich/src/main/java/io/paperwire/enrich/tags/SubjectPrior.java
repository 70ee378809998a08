package io.paperwire.enrich.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Per-label feature counts that a {@link SubjectClassifier} starts from, so that the first papers of a stream are
 * already classified from real arXiv data, as the keyword extractor starts from its background table. Input: the
 * shipped table {@value #RESOURCE} ({@link #load()}), written by {@link SubjectPriorGenerator} from a real arXiv
 * announcement feed. Output: counts that {@link SubjectClassifier} adds, scaled by a prior weight, to its own.
 *
 * <p>The table holds <em>counts only</em>: hashed feature ids (FNV-1a buckets of Porter stems and stem bigrams,
 * see {@link SubjectClassifier#FEATURES}), for each the number of feed papers that had it and each archive's and
 * category's summed log(1 + tf) weight — no words, titles or abstracts. Features that occur in fewer than
 * {@link #minPapers()} feed papers are left out. Immutable and shareable between threads.
 *
 * <p>Format (gzip'd UTF-8 text): {@code #} comment lines; {@code @name}, {@code @papers}, {@code @features},
 * {@code @minPapers}, {@code @archives} and {@code @categories} header lines (tab-separated; the label lists are
 * space-separated and give each label its index); then one line per feature:
 * {@code feature TAB papers TAB archive-index:weight,… TAB category-index:weight,…}.
 */
public final class SubjectPrior {

    /** The shipped table, next to this class. */
    public static final String RESOURCE = "subject-prior.tsv.gz";

    private final String name;
    private final long papers;
    private final int minPapers;
    private final FeatureWeights seenFeatures;
    private final Map<String, FeatureWeights> archives;
    private final Map<String, FeatureWeights> categories;

    private SubjectPrior(String name, long papers, int minPapers, FeatureWeights seenFeatures,
                         Map<String, FeatureWeights> archives, Map<String, FeatureWeights> categories) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a prior's name must be one word, was '" + name + "'");
        }
        this.papers = papers;
        this.minPapers = minPapers;
        this.seenFeatures = seenFeatures;
        this.archives = Collections.unmodifiableMap(archives);
        this.categories = Collections.unmodifiableMap(categories);
    }

    /** What the prior was built from, one word, e.g. {@code rss-2024-11-28}; recorded in classifier snapshots. */
    public String name() {
        return name;
    }

    /** How many papers the counts come from. */
    public long papers() {
        return papers;
    }

    /** Features seen in fewer papers than this were left out of the table. */
    public int minPapers() {
        return minPapers;
    }

    /** The number of distinct features in the table. */
    public int features() {
        return seenFeatures.size();
    }

    /** The archives with counts, in table order. */
    public List<String> archives() {
        return List.copyOf(archives.keySet());
    }

    /** The categories with counts, in table order. */
    public List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    FeatureWeights seenFeatures() {
        return seenFeatures;
    }

    Map<String, FeatureWeights> archiveWeights() {
        return archives;
    }

    Map<String, FeatureWeights> categoryWeights() {
        return categories;
    }

    /**
     * The shipped prior.
     *
     * @throws IllegalStateException when the resource is missing or unreadable (a broken build)
     */
    public static SubjectPrior load() {
        try (InputStream in = SubjectPrior.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shipped subject prior " + RESOURCE + " is missing from the classpath");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("shipped subject prior " + RESOURCE + " is unreadable: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The counts a classifier has learnt, as a prior: features seen in fewer than {@code minPapers} of its papers
     * are dropped.
     */
    static SubjectPrior of(String name, SubjectClassifier trained, int minPapers) {
        FeatureWeights seen = new FeatureWeights();
        trained.seenFeatures().forEach((feature, count) -> {
            if (count >= minPapers) {
                seen.add(feature, count);
            }
        });
        return new SubjectPrior(name, trained.trainedPapers(), minPapers, seen,
                kept(trained.archiveModel().weightsByLabel(), seen),
                kept(trained.categoryModel().weightsByLabel(), seen));
    }

    private static Map<String, FeatureWeights> kept(Map<String, FeatureWeights> byLabel, FeatureWeights seen) {
        Map<String, FeatureWeights> result = new LinkedHashMap<>();
        byLabel.forEach((label, weights) -> {
            FeatureWeights keptWeights = new FeatureWeights();
            weights.forEach((feature, weight) -> {
                if (seen.get(feature) > 0) {
                    keptWeights.add(feature, weight);
                }
            });
            if (keptWeights.size() > 0) {
                result.put(label, keptWeights);
            }
        });
        return result;
    }

    /** Writes the table, gzip'd, with {@code description} as comment lines. Features in ascending order. */
    void write(OutputStream target, String description) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        Writer out = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        for (String line : description.split("\n")) {
            out.write("# " + line + "\n");
        }
        List<String> archiveLabels = new ArrayList<>(archives.keySet());
        List<String> categoryLabels = new ArrayList<>(categories.keySet());
        out.write("@name\t" + name + "\n");
        out.write("@papers\t" + papers + "\n");
        out.write("@features\t" + SubjectClassifier.FEATURES + "\n");
        out.write("@minPapers\t" + minPapers + "\n");
        out.write("@archives\t" + String.join(" ", archiveLabels) + "\n");
        out.write("@categories\t" + String.join(" ", categoryLabels) + "\n");
        List<Integer> features = new ArrayList<>();
        seenFeatures.forEach((feature, count) -> features.add(feature));
        Collections.sort(features);
        for (int feature : features) {
            out.write(feature + "\t" + number(seenFeatures.get(feature)) + "\t"
                    + labelWeights(feature, archiveLabels, archives) + "\t"
                    + labelWeights(feature, categoryLabels, categories) + "\n");
        }
        out.flush();
        gzip.finish();
    }

    private static String labelWeights(int feature, List<String> labels, Map<String, FeatureWeights> byLabel) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            float weight = byLabel.get(labels.get(i)).get(feature);
            if (weight > 0) {
                text.append(text.length() == 0 ? "" : ",").append(i).append(':').append(number(weight));
            }
        }
        return text.toString();
    }

    /** Three decimals, trailing zeros dropped: the table is counts, and more digits would only add bytes. */
    private static String number(float value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @param source names the table in error messages
     * @throws IOException when it is not such a table, or was built for other features than this classifier's
     */
    static SubjectPrior read(InputStream gzipped, String source) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped),
                StandardCharsets.UTF_8));
        Map<String, String> header = new LinkedHashMap<>();
        FeatureWeights seen = new FeatureWeights();
        List<FeatureWeights> archiveWeights = null;
        List<FeatureWeights> categoryWeights = null;
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (line.startsWith("@")) {
                if (fields.length != 2) {
                    throw new IOException(source + " line " + number + ": expected '@key<TAB>value'");
                }
                header.put(fields[0].substring(1), fields[1]);
                continue;
            }
            if (archiveWeights == null) {
                String features = header.get("features");
                if (!SubjectClassifier.FEATURES.equals(features)) {
                    throw new IOException(source + " was built for features '" + features + "', this classifier"
                            + " uses '" + SubjectClassifier.FEATURES + "'; rebuild it with SubjectPriorGenerator");
                }
                archiveWeights = emptyWeights(labels(header, "archives", source));
                categoryWeights = emptyWeights(labels(header, "categories", source));
            }
            if (fields.length != 4) {
                throw new IOException(source + " line " + number + ": expected 4 tab-separated fields, found "
                        + fields.length);
            }
            try {
                int feature = Integer.parseInt(fields[0]);
                seen.add(feature, Float.parseFloat(fields[1]));
                addWeights(feature, fields[2], archiveWeights);
                addWeights(feature, fields[3], categoryWeights);
            } catch (RuntimeException e) {
                throw new IOException(source + " line " + number + ": " + e.getMessage(), e);
            }
        }
        if (archiveWeights == null) {
            throw new IOException(source + " holds no feature counts");
        }
        try {
            return new SubjectPrior(header.getOrDefault("name", ""), Long.parseLong(header.get("papers")),
                    Integer.parseInt(header.get("minPapers")), seen,
                    byLabel(labels(header, "archives", source), archiveWeights),
                    byLabel(labels(header, "categories", source), categoryWeights));
        } catch (RuntimeException e) {
            throw new IOException(source + ": bad header " + header + " (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> labels(Map<String, String> header, String key, String source) throws IOException {
        String value = header.get(key);
        if (value == null || value.isBlank()) {
            throw new IOException(source + " has no @" + key + " line before its counts");
        }
        return List.of(value.trim().split(" "));
    }

    private static List<FeatureWeights> emptyWeights(List<String> labels) {
        List<FeatureWeights> weights = new ArrayList<>();
        labels.forEach(label -> weights.add(new FeatureWeights()));
        return weights;
    }

    private static void addWeights(int feature, String field, List<FeatureWeights> weights) {
        if (field.isEmpty()) {
            return;
        }
        for (String pair : field.split(",")) {
            int colon = pair.indexOf(':');
            int label = Integer.parseInt(pair.substring(0, colon));
            if (label < 0 || label >= weights.size()) {
                throw new IllegalArgumentException("label index " + label + " out of range");
            }
            weights.get(label).add(feature, Float.parseFloat(pair.substring(colon + 1)));
        }
    }

    private static Map<String, FeatureWeights> byLabel(List<String> labels, List<FeatureWeights> weights) {
        Map<String, FeatureWeights> result = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (result.put(labels.get(i), weights.get(i)) != null) {
                throw new IllegalArgumentException("label " + labels.get(i) + " listed twice");
            }
        }
        return result;
    }

    /** For messages: name, papers, features. */
    @Override
    public String toString() {
        return name + " (" + papers + " papers, " + seenFeatures.size() + " features)";
    }
}
