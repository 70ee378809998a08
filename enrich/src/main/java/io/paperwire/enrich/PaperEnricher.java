package io.paperwire.enrich;

import io.paperwire.enrich.keywords.AnalyzedText;
import io.paperwire.enrich.keywords.DocumentFrequencies;
import io.paperwire.enrich.keywords.ExtractedKeyword;
import io.paperwire.enrich.keywords.KeywordExtractor;
import io.paperwire.enrich.keywords.PlacedKeyword;
import io.paperwire.enrich.keywords.SeededDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.enrich.tags.SubjectPrediction;
import io.paperwire.enrich.tags.TagMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one code path that turns a paper's text into keywords and tags, used by the stream
 * ({@code io.paperwire.enrich.topology}) and by the batch annotator ({@code io.paperwire.enrich.annotate}).
 * Input: a {@link PaperText}. Output: an {@link Enrichment}. Rule, in order:
 * <ol>
 *   <li>when asked to learn, the paper's terms are counted in the document frequencies first (so the paper is
 *       scored as a stream that has just seen it would score it);
 *   <li>5–15 keyphrases from {@link KeywordExtractor} over the live counts seeded with the shipped background;
 *   <li>SUBJECT tags from the paper's categories, primary first;
 *   <li>only for a paper without categories: up to {@value #LEARNED_MAX_TAGS} LEARNED_SUBJECT tags from the
 *       {@link SubjectClassifier}, each at least {@value #LEARNED_MIN_LIFT} times as confident as a uniform guess;
 *   <li>TOPIC tags matched on title, abstract and the keyphrases just found;
 *   <li>when asked to learn and the paper has categories, the classifier learns from it last (a paper is never
 *       used to predict itself).
 * </ol>
 * Not thread-safe (the counts and the classifier change): one instance per stream task or batch run.
 */
public final class PaperEnricher {

    /** Most LEARNED_SUBJECT tags a paper without categories gets. */
    public static final int LEARNED_MAX_TAGS = 3;
    /**
     * Least confidence of a LEARNED_SUBJECT tag, as a multiple of the uniform confidence 1 / (number of categories
     * the classifier knows). The confidences are a tempered softmax and flat by design: over the 150 or so
     * categories of the shipped prior, the best category of a topical abstract typically has 0.008–0.017
     * (uniform: 0.0067); without prior, after 60 papers and about 100 categories, 0.02–0.06. A fixed threshold
     * (v2 used 0.02) would silence the classifier once it knows more categories; this keeps the few categories
     * that stand out and drops the uninformative tail.
     */
    public static final double LEARNED_MIN_LIFT = 1.5;
    /**
     * Version of the keyword method as this module runs it (extractor, candidate rules, scoring). Raise it when the
     * extractor's output changes, so that re-enriched events can be told apart downstream.
     */
    public static final String KEYWORD_METHOD_VERSION = "kw1";

    private final EnricherResources resources;
    private final DocumentFrequencies frequencies;
    private final KeywordExtractor extractor;
    private final SubjectClassifier classifier;
    private final String enricherVersion;

    /**
     * @param resources       taxonomies, background table and taggers
     * @param liveFrequencies the live document counts (a state store in the stream, memory in a batch run); the
     *                        shipped background is added on top
     * @param classifier      the online subject classifier, trained in place
     * @param versionSuffix   appended to {@link #enricherVersion()} (may be empty)
     */
    public PaperEnricher(EnricherResources resources, DocumentFrequencies liveFrequencies,
                         SubjectClassifier classifier, String versionSuffix) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.frequencies = new SeededDocumentFrequencies(resources.background(),
                Objects.requireNonNull(liveFrequencies, "liveFrequencies"));
        this.extractor = new KeywordExtractor(frequencies);
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.enricherVersion = enricherVersion(resources, versionSuffix);
    }

    /**
     * The enricher version written into every enriched event: keyword method, arXiv taxonomy, topic taxonomy and
     * classifier versions, plus the configured suffix, e.g. {@code kw1+arxiv-2024-11+topics-2025.1+cnb-hier-h20-v3-prior}.
     */
    public static String enricherVersion(EnricherResources resources, String versionSuffix) {
        String version = KEYWORD_METHOD_VERSION
                + "+arxiv-" + resources.arxivTaxonomy().version()
                + "+topics-" + resources.topicTaxonomy().version()
                + "+" + resources.subjectClassifierVersion();
        return versionSuffix == null || versionSuffix.isBlank() ? version : version + "+" + versionSuffix.trim();
    }

    /** See {@link #enricherVersion(EnricherResources, String)}. */
    public String enricherVersion() {
        return enricherVersion;
    }

    /** The classifier this enricher trains (for snapshots). */
    public SubjectClassifier classifier() {
        return classifier;
    }

    /**
     * Enriches one paper.
     *
     * @param countTerms whether to count the paper's terms in the document frequencies (the first time a paper is
     *                   seen; a new version of a known paper is not counted again)
     * @param train      whether the classifier may learn from the paper's categories (ignored without categories)
     * @return the keywords and tags, and whether the classifier learnt from the paper
     */
    public Result enrich(PaperText paper, boolean countTerms, boolean train) {
        // One analysis of the text for the keywords, the classifier and the topic tags.
        AnalyzedText text = AnalyzedText.of(paper.title(), paper.abstractText());
        // Each keyphrase keeps the place it was cut from, so the topic tagger reads its words from the analysis.
        List<PlacedKeyword> placed = countTerms
                ? extractor.observeAndExtractPlaced(text)
                : extractor.extractPlaced(text);
        List<ExtractedKeyword> keywords = new ArrayList<>(placed.size());
        for (PlacedKeyword keyword : placed) {
            keywords.add(keyword.keyword());
        }
        List<TagMatch> tags = new ArrayList<>(resources.subjectTagger().tag(paper.categories()).tags());
        if (!paper.hasCategories()) {
            SubjectPrediction prediction = classifier.predict(text);
            double minConfidence = LEARNED_MIN_LIFT / Math.max(1, prediction.categories().size());
            tags.addAll(prediction.toTags(LEARNED_MAX_TAGS, minConfidence));
        }
        tags.addAll(resources.topicTagger().tag(text, placed, paper.categories()));
        boolean trained = train && paper.hasCategories()
                && classifier.train(text, paper.categories());
        return new Result(new Enrichment(keywords, tags), trained);
    }

    /**
     * The outcome of {@link #enrich}.
     *
     * @param enrichment keywords and tags
     * @param trained    whether the classifier learnt from this paper
     */
    public record Result(Enrichment enrichment, boolean trained) {
    }
}
