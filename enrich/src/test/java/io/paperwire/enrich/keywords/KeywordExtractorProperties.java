package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties that hold for any title and abstract, including ones full of LaTeX and punctuation. */
class KeywordExtractorProperties {

    private final KeywordExtractor extractor = new KeywordExtractor(new InMemoryDocumentFrequencies());
    private final PhraseAnalyzer analyzer = new PhraseAnalyzer();

    @Property(tries = 300)
    void shouldReturnAtMostFifteenPhrasesWithoutMarkupAndWithTheirNormalisedForm(
            @ForAll("latexText") String title, @ForAll("latexText") String abstractText) {
        List<ExtractedKeyword> keywords = extractor.extract(title, abstractText);

        assertThat(keywords).hasSizeLessThanOrEqualTo(KeywordExtractor.MAX_KEYPHRASES);
        for (ExtractedKeyword keyword : keywords) {
            assertThat(keyword.phrase()).doesNotContainPattern("[\\\\${}^_~]").isNotBlank();
            assertThat(keyword.normalized()).isEqualTo(analyzer.normalize(keyword.phrase())).isNotEmpty();
        }
        assertThat(extractor.extract(title, abstractText)).isEqualTo(keywords);
    }

    @Provide
    Arbitrary<String> latexText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("neural", "network", "spin", "glass", "the", "of", "model", "Quantum", "field",
                        "mixture-of-experts", "we", "show", "(MoE)", "MoE", "graph", "kernels", "is", "-", ",", ".",
                        "$\\alpha_{i}^2$", "$$x$$", "\\emph{", "}", "{", "\\cite{a,b}", "$", "\\'e", "~", "_", "^",
                        "\\(", "\\)", "\\[", "\\]", "\n  ", "CNNs", "(", ")", "e-mail", "$78.5", "12", "ε"),
                Arbitraries.strings().ofMaxLength(6));
        return pieces.list().ofMaxSize(60).map(list -> String.join(" ", list));
    }
}
