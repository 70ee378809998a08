package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private static final String MOE_TITLE = "Sparse mixture-of-experts language models with learned routing";
    private static final String MOE_ABSTRACT = "Large language models are expensive to train and to serve. We study"
            + " a mixture of experts (MoE) architecture in which a learned router sends each token to two of"
            + " sixty-four expert networks. Compared with a dense transformer of equal compute, the MoE model reaches"
            + " lower perplexity, and the routing network balances the load across experts without an auxiliary"
            + " loss. We further show that MoE layers can be distilled into a dense student model with little loss"
            + " of quality, which makes deployment on a single accelerator possible.";

    private static final String LATEX_TITLE = "Spectral gaps of the $\\Lambda_{\\alpha}$ operator on random"
            + " regular graphs";
    private static final String LATEX_ABSTRACT = "We bound the spectral gap of the operator $\\Lambda_{\\alpha} ="
            + " \\sum_{i} x_i^2$ on random regular graphs \\cite{friedman2008, alon1986}. Using \\emph{trace"
            + " methods} and a new estimate $$\\|A\\|_{op} \\le 2\\sqrt{d-1} + \\epsilon$$ we show that the"
            + " \\textbf{spectral gap} is close to the Ramanujan bound (Section~\\ref{sec:proof}). The expansion of"
            + " random regular graphs follows, with an explicit constant \\(c_d\\) for every degree $d \\ge 3$.";

    private final KeywordExtractor extractor = new KeywordExtractor(new InMemoryDocumentFrequencies());

    @Test
    void shouldReturnBetweenFiveAndFifteenKeyphrasesForAnAbstract() {
        assertThat(extractor.extract(MOE_TITLE, MOE_ABSTRACT)).hasSizeBetween(5, 15);
        assertThat(extractor.extract(LATEX_TITLE, LATEX_ABSTRACT)).hasSizeBetween(5, 15);
    }

    @Test
    void shouldNeverTurnLatexIntoKeyphrases() {
        List<ExtractedKeyword> keywords = extractor.extract(LATEX_TITLE, LATEX_ABSTRACT);

        assertThat(keywords).isNotEmpty();
        for (ExtractedKeyword keyword : keywords) {
            assertThat(keyword.phrase()).doesNotContainPattern("[\\\\${}^_~]");
            assertThat(keyword.normalized().split(" "))
                    .doesNotContain("lambda", "alpha", "sum", "cite", "friedman2008", "emph", "textbf", "op", "sqrt",
                            "epsilon", "ref", "sec", "le", "ge");
        }
        assertThat(keywords).extracting(ExtractedKeyword::normalized)
                .contains("spectral gap", "random regular graph");
    }

    @Test
    void shouldKeepTheWordsOfEmphasisedText() {
        List<ExtractedKeyword> keywords = extractor.extract("", "We study \\emph{trace methods} for sparse"
                + " matrices and prove bounds with \\textit{trace methods} for sparse matrices of random graphs.");

        assertThat(keywords).extracting(ExtractedKeyword::phrase).contains("trace methods");
    }

    @Test
    void shouldKeepAHyphenatedCompoundAsOnePhraseWithItsSurfaceForm() {
        List<ExtractedKeyword> keywords = extractor.extract(MOE_TITLE, MOE_ABSTRACT);

        assertThat(keywords).anySatisfy(keyword -> {
            assertThat(keyword.phrase()).containsIgnoringCase("mixture-of-experts");
            assertThat(keyword.normalized()).contains("mixtur of expert");
        });
    }

    @Test
    void shouldLinkAnAcronymToItsExpansion() {
        List<ExtractedKeyword> keywords = extractor.extract("Load balancing for sparse expert layers", MOE_ABSTRACT);

        // Defined once and used three times as "MoE": the expansion is a keyphrase, the bare acronym is not.
        assertThat(keywords).extracting(ExtractedKeyword::phrase).contains("mixture of experts");
        assertThat(keywords).extracting(ExtractedKeyword::normalized).doesNotContain("moe");
    }

    @Test
    void shouldLinkAnAcronymOfAHyphenatedCompoundAtTheStartOfTheText() {
        List<ExtractedKeyword> keywords = extractor.extract("", "Mixture-of-experts (MoE) layers route tokens."
                + " Each MoE layer holds eight experts, and MoE training needs load balancing.");

        assertThat(keywords).extracting(ExtractedKeyword::normalized).contains("mixtur of expert")
                .doesNotContain("moe");
        assertThat(keywords).allSatisfy(keyword -> assertThat(keyword.score()).isFinite().isPositive());
    }

    @Test
    void shouldGiveTheNormalisedFormAsLowerCaseStemmedWordsWithSingleSpaces() {
        PhraseAnalyzer analyzer = new PhraseAnalyzer();
        for (ExtractedKeyword keyword : extractor.extract(MOE_TITLE, MOE_ABSTRACT)) {
            assertThat(keyword.normalized()).isEqualTo(analyzer.normalize(keyword.phrase()));
            assertThat(keyword.normalized()).isEqualTo(keyword.normalized().toLowerCase(Locale.ROOT))
                    .doesNotContain("  ").doesNotStartWith(" ").doesNotEndWith(" ");
        }
        assertThat(extractor.extract(MOE_TITLE, MOE_ABSTRACT)).extracting(ExtractedKeyword::normalized)
                .contains("expert network");
    }

    @Test
    void shouldBeDeterministic() {
        KeywordExtractor other = new KeywordExtractor(new InMemoryDocumentFrequencies());

        List<ExtractedKeyword> first = extractor.extract(MOE_TITLE, MOE_ABSTRACT);

        assertThat(extractor.extract(MOE_TITLE, MOE_ABSTRACT)).isEqualTo(first);
        assertThat(other.extract(MOE_TITLE, MOE_ABSTRACT)).isEqualTo(first);
    }

    @Test
    void shouldRankBestFirstAndSkipPartsOfBetterPhrases() {
        List<ExtractedKeyword> keywords = extractor.extract(MOE_TITLE, MOE_ABSTRACT);

        assertThat(keywords).extracting(ExtractedKeyword::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        for (int better = 0; better < keywords.size(); better++) {
            for (int worse = better + 1; worse < keywords.size(); worse++) {
                assertThat(" " + keywords.get(better).normalized() + " ")
                        .doesNotContain(" " + keywords.get(worse).normalized() + " ");
            }
        }
    }

    @Test
    void shouldScoreWordsThatAreCommonInTheCorpusLower() {
        String title = "Graph kernels for protein function prediction";
        String abstractText = "Graph kernels compare proteins by their structure. Protein function prediction"
                + " with graph kernels beats sequence alignment.";
        InMemoryDocumentFrequencies frequencies = new InMemoryDocumentFrequencies();
        KeywordExtractor counting = new KeywordExtractor(frequencies);
        for (int i = 0; i < 20; i++) {
            counting.observe("Graph kernels", "Graph kernels and more graph kernels.");
        }
        counting.observe(title, abstractText);

        List<ExtractedKeyword> keywords = counting.extract(title, abstractText);

        assertThat(keywords.get(0).normalized()).isEqualTo("protein function predict");
        assertThat(frequencies.df("graph")).isEqualTo(21);
        assertThat(frequencies.docCount()).isEqualTo(21);
    }

    @Test
    void shouldCountWordsAndCompoundsButNotStopWordsOrPhrases() {
        assertThat(extractor.termsToCount(MOE_TITLE, MOE_ABSTRACT))
                .contains("spars", "mixtur of expert", "model", "rout")
                .doesNotContain("the", "of", "and", "languag model");
    }

    @Test
    void shouldReturnNothingForEmptyOrMissingText() {
        assertThat(extractor.extract(null, null)).isEmpty();
        assertThat(extractor.extract("", "  ")).isEmpty();
        assertThat(extractor.extract("$x^2$", "\\cite{a} $\\alpha$")).isEmpty();
    }

    @Test
    void shouldFindWordsInsideAPhraseOnlyOnWordBoundaries() {
        String[][] cases = {
            {"neural network", "network"}, {"neural network", "neural"}, {"neural network", "neural network"},
            {"deep neural network model", "neural network"}, {"neural networks", "network"},
            {"neural network", "ural"}, {"subnetwork network", "network"}, {"networks network", "network"},
            {"a b", "b a"}, {"network", "neural network"},
        };
        for (String[] pair : cases) {
            assertThat(KeywordExtractor.containsWords(pair[0], pair[1])).as(pair[0] + " / " + pair[1])
                    .isEqualTo((" " + pair[0] + " ").contains(" " + pair[1] + " "));
        }
        assertThat(KeywordExtractor.containsWords("subnetwork network", "network")).isTrue();
        assertThat(KeywordExtractor.containsWords("neural networks", "network")).isFalse();
    }
}
