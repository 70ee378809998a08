package io.paperwire.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.MatchReasonKind;
import org.junit.jupiter.api.Test;

class PaperTextTest {

    @Test
    void shouldKeepShortTextWhole() {
        assertThat(PaperText.shorten("  short abstract ", 50)).isEqualTo("short abstract");
    }

    @Test
    void shouldCutAtTheLastWordBoundaryAndAddAnEllipsis() {
        String text = "Mixture of experts models route tokens, sparsely, between many experts";
        String shortened = PaperText.shorten(text, 40);

        assertThat(shortened).hasSizeLessThanOrEqualTo(40).endsWith("…");
        String head = shortened.substring(0, shortened.length() - 1);
        assertThat(text).startsWith(head);
        assertThat(text.charAt(head.length())).as("the cut falls before a space or punctuation, not mid-word")
                .isIn(' ', ',');
        assertThat(shortened).isEqualTo("Mixture of experts models route tokens…");
    }

    @Test
    void shouldCutASingleOverlongWord() {
        assertThat(PaperText.shorten("a".repeat(100), 10)).isEqualTo("aaaaaaaaa…");
    }

    @Test
    void shouldAcceptOnlyAbsoluteHttpLinks() {
        assertThat(PaperText.isWebLink("https://arxiv.org/abs/2401.01234")).isTrue();
        assertThat(PaperText.isWebLink("http://example.org/x.pdf")).isTrue();
        assertThat(PaperText.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(PaperText.isWebLink("data:text/html,<script>")).isFalse();
        assertThat(PaperText.isWebLink("/relative/path")).isFalse();
        assertThat(PaperText.isWebLink(null)).isFalse();
    }

    @Test
    void shouldDescribeReasonsInWords() {
        assertThat(PaperText.describe(new MatchReason(MatchReasonKind.PHRASE, "abstract", "sparse experts", null)))
                .isEqualTo("the phrase “sparse experts” in abstract");
        assertThat(PaperText.describe(new MatchReason(MatchReasonKind.SIMILARITY, null, "arxiv:2401.00001", 0.8312)))
                .isEqualTo("similar to arxiv:2401.00001 (0.83)");
    }
}
