package io.paperwire.enrich.keywords;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Extracts 5 to 15 keyphrases from a paper's title and abstract. Input: title and abstract as written (LaTeX
 * allowed). Output: {@link ExtractedKeyword}s, best first, each with its surface form, normalised form and score.
 * Unsupervised: nothing is learnt from gold keyphrases.
 *
 * <p><b>Candidates</b> ({@link CandidatePhrases}) are noun-phrase-like runs of up to four words or hyphenated
 * compounds between stop words, verbs, adverbs, numbers, punctuation and LaTeX, and every contiguous part of such
 * a run; an acronym defined in parentheses stands for its expansion.
 *
 * <p><b>Score</b> of a candidate, a product of four independent cues:
 * <ul>
 *   <li>specificity: the sum of its words' inverse document frequencies {@code ln((N+1)/(df+0.5))} — under
 *       word independence, the information the phrase carries; longer phrases of rare words score higher;</li>
 *   <li>frequency: the square root of its occurrences in the paper (repetition matters, with diminishing
 *       returns);</li>
 *   <li>position: {@code 1 / ln(3 + index of its first word)}, times {@link #TITLE_WEIGHT} when it occurs in
 *       the title — authors name their subject early;</li>
 *   <li>centrality: the square root of its words' PositionRank scores ({@link WordGraph}) — words that
 *       co-occur with many other words of the paper.</li>
 * </ul>
 * The best candidates are kept, skipping one that is part of a better one ("network" after "neural network").
 *
 * <p>Extraction does not change the document frequencies; {@link #observe} does (the stream observes each paper,
 * then extracts). Deterministic: ties are broken by normalised form. Thread-safe if the frequencies are.
 */
public final class KeywordExtractor {

    /** Most keyphrases returned. */
    public static final int MAX_KEYPHRASES = 15;
    /** Fewest keyphrases returned when the text has that many candidates. */
    public static final int MIN_KEYPHRASES = 5;

    /** Weight of a phrase that occurs in the title. */
    static final double TITLE_WEIGHT = 2.0;

    private final DocumentFrequencies frequencies;
    private final WordClasses words = WordClasses.english();

    public KeywordExtractor(DocumentFrequencies frequencies) {
        this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
    }

    /** Keyphrases of one paper, best first; scored against the document frequencies as they stand. */
    public List<ExtractedKeyword> extract(String title, String abstractText) {
        return extract(candidatesOf(title, abstractText));
    }

    /**
     * Observes the paper in the document frequencies, then extracts its keyphrases; the same result as
     * {@link #observe} followed by {@link #extract}, but the text is analysed once.
     */
    public List<ExtractedKeyword> observeAndExtract(String title, String abstractText) {
        return observeAndExtract(AnalyzedText.of(title, abstractText));
    }

    /** {@link #observeAndExtract(String, String)} on text already analysed (shared with the classifier). */
    public List<ExtractedKeyword> observeAndExtract(AnalyzedText text) {
        return keywordsOf(observeAndExtractPlaced(text));
    }

    /** {@link #extract(String, String)} on text already analysed. */
    public List<ExtractedKeyword> extract(AnalyzedText text) {
        return keywordsOf(extractPlaced(text));
    }

    /**
     * {@link #observeAndExtract(AnalyzedText)}, each keyphrase with the place of the text it was cut from (the same
     * keyphrases in the same order).
     */
    public List<PlacedKeyword> observeAndExtractPlaced(AnalyzedText text) {
        CandidatePhrases paper = CandidatePhrases.of(text, words);
        frequencies.observe(termsOf(paper));
        return extractPlaced(paper);
    }

    /** {@link #extract(AnalyzedText)}, each keyphrase with the place of the text it was cut from. */
    public List<PlacedKeyword> extractPlaced(AnalyzedText text) {
        return extractPlaced(CandidatePhrases.of(text, words));
    }

    private static List<ExtractedKeyword> keywordsOf(List<PlacedKeyword> placed) {
        List<ExtractedKeyword> keywords = new ArrayList<>(placed.size());
        for (PlacedKeyword keyword : placed) {
            keywords.add(keyword.keyword());
        }
        return List.copyOf(keywords);
    }

    /** Counts the paper's terms in the document frequencies. */
    public void observe(String title, String abstractText) {
        frequencies.observe(termsOf(candidatesOf(title, abstractText)));
    }

    private CandidatePhrases candidatesOf(String title, String abstractText) {
        return CandidatePhrases.of(AnalyzedText.of(title, abstractText), words);
    }

    private List<ExtractedKeyword> extract(CandidatePhrases paper) {
        return keywordsOf(extractPlaced(paper));
    }

    private List<PlacedKeyword> extractPlaced(CandidatePhrases paper) {
        double[] centrality = WordGraph.positionRank(paper);
        // Each unit's rarity once per paper, by term number (NaN until looked up): the frequencies may be a state
        // store, and a unit recurs in many candidates. The counts do not change during extraction.
        double documents = frequencies.docCount() + 1.0;
        double[] rarity = new double[paper.termCount()];
        Arrays.fill(rarity, Double.NaN);
        List<CandidatePhrases.Candidate> candidates = paper.candidates();
        List<ScoredCandidate> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            CandidatePhrases.Candidate candidate = candidates.get(i);
            double score = score(paper, candidate, centrality, rarity, documents);
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("score must be a number");
            }
            scored.add(new ScoredCandidate(candidate, score));
        }
        scored.sort(BEST_CANDIDATE_FIRST);
        return select(scored);
    }

    /** A candidate and its score, before its surface form is cut from the text. */
    private static final class ScoredCandidate {
        private final CandidatePhrases.Candidate candidate;
        private final double score;

        ScoredCandidate(CandidatePhrases.Candidate candidate, double score) {
            this.candidate = candidate;
            this.score = score;
        }

        double score() {
            return score;
        }

        String normalized() {
            return candidate.normalized();
        }

        PlacedKeyword placed() {
            return new PlacedKeyword(new ExtractedKeyword(candidate.surface(), candidate.normalized(), score),
                    candidate.surfaceInTitle(), candidate.surfaceStart(), candidate.surfaceEnd());
        }
    }

    /** Higher score first, ties by normalised form; written out rather than chained, since it sorts every paper. */
    private static final Comparator<ScoredCandidate> BEST_CANDIDATE_FIRST = (a, b) -> {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : a.normalized().compareTo(b.normalized());
    };

    /**
     * The distinct normalised terms a paper contributes to document frequencies: the units of its candidate
     * phrases, i.e. its words and hyphenated compounds outside stop words ("neural", "network",
     * "mixtur of expert"). Phrases themselves need no counts, since a phrase's specificity is the sum of its
     * units' (see the class comment); this keeps the table as small as the vocabulary.
     */
    public Set<String> termsToCount(String title, String abstractText) {
        return new LinkedHashSet<>(termsOf(candidatesOf(title, abstractText)));
    }

    private static Set<String> termsOf(CandidatePhrases paper) {
        List<CandidatePhrases.Candidate> candidates = paper.candidates();
        boolean[] seen = new boolean[paper.termCount()];
        List<String> distinct = new ArrayList<>(paper.termCount());
        for (int i = 0; i < candidates.size(); i++) {
            CandidatePhrases.Candidate candidate = candidates.get(i);
            for (int unit = 0; unit < candidate.unitCount(); unit++) {
                int term = candidate.unitTerm(unit);
                if (!seen[term]) {
                    seen[term] = true;
                    distinct.add(paper.term(term));
                }
            }
        }
        return new DistinctTerms(distinct);
    }

    /**
     * A paper's terms for {@link DocumentFrequencies#observe}: distinct by construction and in order of first
     * occurrence, so held in a list rather than hashed into a set once more. Unmodifiable; {@code contains} is a
     * linear search (the frequencies only iterate).
     */
    private static final class DistinctTerms extends AbstractSet<String> {
        private final List<String> terms;

        DistinctTerms(List<String> distinctTerms) {
            this.terms = Collections.unmodifiableList(distinctTerms);
        }

        @Override
        public Iterator<String> iterator() {
            return terms.iterator();
        }

        @Override
        public int size() {
            return terms.size();
        }
    }

    /**
     * Rarity of a term in the corpus: {@code ln((N + 1) / (df + 0.5))}, positive even for a term in every paper;
     * {@code documents} is N + 1.
     */
    private double idf(String normalizedTerm, double documents) {
        return Math.log(documents / (frequencies.df(normalizedTerm) + 0.5));
    }

    /**
     * The product of four signals, each a known keyphrase cue; see the class comment. Multiplying makes each a
     * relative weight, so none needs calibrating against the others.
     */
    private double score(CandidatePhrases paper, CandidatePhrases.Candidate candidate, double[] centrality,
                         double[] rarity, double documents) {
        double specificity = 0;
        double graph = 0;
        for (int unit = 0; unit < candidate.unitCount(); unit++) {
            int term = candidate.unitTerm(unit);
            double idf = rarity[term];
            if (Double.isNaN(idf)) {
                idf = idf(paper.term(term), documents);
                rarity[term] = idf;
            }
            specificity += idf;
            graph += centrality[term];
        }
        double frequency = Math.sqrt(candidate.occurrences());
        double position = 1.0 / Math.log(3 + candidate.firstPosition());
        double title = candidate.inTitle() ? TITLE_WEIGHT : 1.0;
        return frequency * specificity * position * title * Math.sqrt(graph);
    }

    /**
     * The best-ranked keyphrases, skipping one that is part of a better-ranked one ("network" after "neural
     * network"; in exact-match evaluations keeping such parts scored clearly worse), unless skipping would leave
     * fewer than {@link #MIN_KEYPHRASES}.
     */
    private static List<PlacedKeyword> select(List<ScoredCandidate> ranked) {
        List<ScoredCandidate> chosen = new ArrayList<>();
        List<ScoredCandidate> skipped = new ArrayList<>();
        for (ScoredCandidate candidate : ranked) {
            if (chosen.size() == MAX_KEYPHRASES) {
                break;
            }
            if (isRedundant(candidate, chosen)) {
                skipped.add(candidate);
            } else {
                chosen.add(candidate);
            }
        }
        for (int i = 0; chosen.size() < MIN_KEYPHRASES && i < skipped.size(); i++) {
            chosen.add(skipped.get(i));
        }
        chosen.sort(BEST_CANDIDATE_FIRST);
        List<PlacedKeyword> keywords = new ArrayList<>(chosen.size());
        for (ScoredCandidate candidate : chosen) {
            keywords.add(candidate.placed());
        }
        return List.copyOf(keywords);
    }

    private static boolean isRedundant(ScoredCandidate candidate, List<ScoredCandidate> chosen) {
        String words = candidate.normalized();
        for (int i = 0; i < chosen.size(); i++) {
            String better = chosen.get(i).normalized();
            if (better.length() >= words.length() && containsWords(better, words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code words} occurs in {@code phrase} on word boundaries, i.e. {@code " " + phrase + " "} contains
     * {@code " " + words + " "} (both are single-spaced normalised forms), without making those strings.
     */
    static boolean containsWords(String phrase, String words) {
        for (int at = phrase.indexOf(words); at >= 0; at = phrase.indexOf(words, at + 1)) {
            int end = at + words.length();
            if ((at == 0 || phrase.charAt(at - 1) == ' ') && (end == phrase.length() || phrase.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }
}
