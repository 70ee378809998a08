package io.paperwire.enrich.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private static final Comparator<ExtractedKeyword> BEST_FIRST =
            Comparator.comparingDouble(ExtractedKeyword::score).reversed().thenComparing(ExtractedKeyword::normalized);

    /** Weight of a phrase that occurs in the title. */
    static final double TITLE_WEIGHT = 2.0;

    private final DocumentFrequencies frequencies;
    private final PhraseAnalyzer analyzer = new PhraseAnalyzer();
    private final WordClasses words = WordClasses.english();

    public KeywordExtractor(DocumentFrequencies frequencies) {
        this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
    }

    /** Keyphrases of one paper, best first; scored against the document frequencies as they stand. */
    public List<ExtractedKeyword> extract(String title, String abstractText) {
        CandidatePhrases paper = CandidatePhrases.of(analyzer, words, nullToEmpty(title), nullToEmpty(abstractText));
        Map<String, Double> centrality = WordGraph.positionRank(paper);
        List<ExtractedKeyword> scored = new ArrayList<>();
        for (CandidatePhrases.Candidate candidate : paper.candidates()) {
            scored.add(new ExtractedKeyword(candidate.surface(), candidate.normalized(),
                    score(candidate, centrality)));
        }
        scored.sort(BEST_FIRST);
        return select(scored);
    }

    /** Observes the paper in the document frequencies, then extracts its keyphrases. */
    public List<ExtractedKeyword> observeAndExtract(String title, String abstractText) {
        observe(title, abstractText);
        return extract(title, abstractText);
    }

    /** Counts the paper's terms in the document frequencies. */
    public void observe(String title, String abstractText) {
        frequencies.observe(termsToCount(title, abstractText));
    }

    /**
     * The distinct normalised terms a paper contributes to document frequencies: the units of its candidate
     * phrases, i.e. its words and hyphenated compounds outside stop words ("neural", "network",
     * "mixtur of expert"). Phrases themselves need no counts, since a phrase's specificity is the sum of its
     * units' (see the class comment); this keeps the table as small as the vocabulary.
     */
    public Set<String> termsToCount(String title, String abstractText) {
        CandidatePhrases paper = CandidatePhrases.of(analyzer, words, nullToEmpty(title), nullToEmpty(abstractText));
        Set<String> terms = new LinkedHashSet<>();
        for (CandidatePhrases.Candidate candidate : paper.candidates()) {
            terms.addAll(candidate.unitForms());
        }
        return terms;
    }

    /** Rarity of a term in the corpus: {@code ln((N + 1) / (df + 0.5))}, positive even for a term in every paper. */
    private double idf(String normalizedTerm) {
        return Math.log((frequencies.docCount() + 1.0) / (frequencies.df(normalizedTerm) + 0.5));
    }

    /**
     * The product of four signals, each a known keyphrase cue; see the class comment. Multiplying makes each a
     * relative weight, so none needs calibrating against the others.
     */
    private double score(CandidatePhrases.Candidate candidate, Map<String, Double> centrality) {
        double specificity = 0;
        double graph = 0;
        for (String unit : candidate.unitForms()) {
            specificity += idf(unit);
            graph += centrality.getOrDefault(unit, 0.0);
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
    private static List<ExtractedKeyword> select(List<ExtractedKeyword> ranked) {
        List<ExtractedKeyword> chosen = new ArrayList<>();
        List<ExtractedKeyword> skipped = new ArrayList<>();
        for (ExtractedKeyword candidate : ranked) {
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
        chosen.sort(BEST_FIRST);
        return List.copyOf(chosen);
    }

    private static boolean isRedundant(ExtractedKeyword candidate, List<ExtractedKeyword> chosen) {
        String words = " " + candidate.normalized() + " ";
        for (ExtractedKeyword better : chosen) {
            if ((" " + better.normalized() + " ").contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
