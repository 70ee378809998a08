package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAnalyzerTest {

    private final PhraseAnalyzer analyzer = new PhraseAnalyzer();

    @Test
    void shouldLowerCaseStemAndJoinWithSingleSpaces() {
        assertThat(analyzer.normalize("  Convolutional   Neural\nNetworks ")).isEqualTo("convolut neural network");
        assertThat(analyzer.normalize("Mixture-of-Experts")).isEqualTo("mixtur of expert");
        assertThat(analyzer.normalize("mixture of experts")).isEqualTo("mixtur of expert");
        assertThat(analyzer.normalize("the industry's models")).isEqualTo("the industri model");
        assertThat(analyzer.normalize("")).isEmpty();
    }

    @Test
    void shouldDropMathCitationsAndCommandsButKeepTheirTextArguments() {
        List<WordToken> tokens = analyzer.tokens("the $\\Lambda_{\\alpha}$ term \\cite{x1} and \\emph{spin glass}");

        assertThat(tokens).extracting(WordToken::surface).containsExactly("the", "term", "and", "spin", "glass");
    }

    @Test
    void shouldKeepOffsetsIntoTheOriginalTextAndMarkSeparators() {
        String text = "a \\emph{mixture-of-experts} model, then $x$ more";
        List<WordToken> tokens = analyzer.tokens(text);

        assertThat(tokens).extracting(WordToken::surface)
                .containsExactly("a", "mixture", "of", "experts", "model", "then", "more");
        for (WordToken token : tokens) {
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.surface());
        }
        assertThat(tokens).extracting(WordToken::joinedToPrevious)
                .containsExactly(false, false, true, true, false, false, false);
        assertThat(tokens).extracting(WordToken::boundaryBefore)
                .containsExactly(false, true, false, false, true, true, true);
    }

    @Test
    void shouldReadADollarAmountAsMoneyNotMath() {
        assertThat(analyzer.tokens("raised $78.5 million in funding and a credit facility"))
                .extracting(WordToken::surface).contains("million", "funding", "credit", "facility");
    }
}
