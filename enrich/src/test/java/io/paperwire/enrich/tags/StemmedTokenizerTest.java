package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StemmedTokenizerTest {

    private final StemmedTokenizer tokenizer = new StemmedTokenizer(StemmedTokenizer.Stemming.PORTER);

    @Test
    void shouldStemLowerCaseAndSplitHyphens() {
        assertThat(tokenizer.stems("Mixtures-of-Experts model's routing")).containsExactly("mixtur", "of", "expert",
                "model", "rout");
    }

    @Test
    void shouldOnlyFoldPluralsWhenAskedTo() {
        StemmedTokenizer plurals = new StemmedTokenizer(StemmedTokenizer.Stemming.PLURALS);
        assertThat(plurals.stems("Transformers transformation galaxies photonics"))
                .containsExactly("transformer", "transformation", "galaxy", "photonic");
        assertThat(tokenizer.stems("Transformers transformation")).containsExactly("transform", "transform");
    }

    @Test
    void shouldBlankLatexButKeepOffsetsIntoTheOriginalText() {
        String text = "Bounds on $\\Lambda_{\\alpha}$ and \\emph{sparse} codes";
        List<StemmedTokenizer.Token> tokens = tokenizer.tokens(text);

        assertThat(tokens).extracting(StemmedTokenizer.Token::surface).containsExactly("Bounds", "on", "and",
                "sparse", "codes");
        StemmedTokenizer.Token sparse = tokens.get(3);
        assertThat(text.substring(sparse.start(), sparse.end())).isEqualTo("sparse");
        assertThat(tokens.get(1).stopWord()).isTrue();
        assertThat(tokens.get(3).stopWord()).isFalse();
    }

    @Test
    void shouldReturnNothingForBlankText() {
        assertThat(tokenizer.tokens(null)).isEmpty();
        assertThat(tokenizer.tokens("   ")).isEmpty();
    }
}
