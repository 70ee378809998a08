package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidatePhrasesTest {

    private final WordClasses words = WordClasses.english();

    private Map<String, CandidatePhrases.Candidate> candidates(String title, String abstractText) {
        return byForm(CandidatePhrases.of(AnalyzedText.of(title, abstractText), words));
    }

    private static Map<String, CandidatePhrases.Candidate> byForm(CandidatePhrases paper) {
        return paper.candidates().stream()
                .collect(Collectors.toMap(CandidatePhrases.Candidate::normalized, Function.identity()));
    }

    private static List<String> unitForms(CandidatePhrases paper, CandidatePhrases.Candidate candidate) {
        return IntStream.range(0, candidate.unitCount())
                .mapToObj(i -> paper.term(candidate.unitTerm(i))).toList();
    }

    @Test
    void shouldCountACompoundAndTheSameWordsApartAsOneCandidate() {
        CandidatePhrases paper = CandidatePhrases.of(AnalyzedText.of("Neural-network pruning",
                "We prune a neural network. Neural networks are large."), words);
        Map<String, CandidatePhrases.Candidate> byForm = byForm(paper);

        CandidatePhrases.Candidate network = byForm.get("neural network");
        assertThat(network.occurrences()).isEqualTo(3);
        assertThat(network.inTitle()).isTrue();
        // The first occurrence decides the units: here the title's compound.
        assertThat(unitForms(paper, network)).containsExactly("neural network");
        assertThat(network.surface()).isEqualTo("Neural-network");
        assertThat(byForm).containsKeys("neural network prune", "prune", "neural", "network");
    }

    @Test
    void shouldKeepEachCandidateOnceInOrderOfFirstOccurrence() {
        CandidatePhrases paper = CandidatePhrases.of(AnalyzedText.of("Spin glass dynamics",
                "Spin glass models show slow dynamics."), words);

        assertThat(paper.candidates()).extracting(CandidatePhrases.Candidate::normalized)
                .startsWith("spin", "spin glass", "spin glass dynam", "glass", "glass dynam", "dynam")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldCutAnIngWordAfterAPluralNounWithOrWithoutNonAsciiLetters() {
        assertThat(candidates("", "Dense clusters touching the boundary.")).containsKey("dens cluster")
                .doesNotContainKeys("cluster touch", "dens cluster touch");
        // Non-ASCII surface forms are lower-cased as written (not compared in place).
        assertThat(candidates("", "Dense clustérs touching the boundary.")).containsKey("dens cluster")
                .doesNotContainKeys("cluster touch", "dens cluster touch");
        assertThat(candidates("", "Dense CLUSTERS TOUCHING the boundary.")).containsKey("dens cluster")
                .doesNotContainKeys("cluster touch");
        assertThat(candidates("", "Dense class touching the boundary.")).containsKey("dens class touch");
    }

    @Test
    void shouldCountAnAcronymAsItsExpansion() {
        CandidatePhrases paper = CandidatePhrases.of(AnalyzedText.of("",
                "A mixture of experts (MoE) routes tokens. Each MoE layer is sparse."), words);
        Map<String, CandidatePhrases.Candidate> byForm = byForm(paper);

        CandidatePhrases.Candidate expansion = byForm.get("mixtur of expert");
        assertThat(expansion.occurrences()).isEqualTo(3);
        assertThat(unitForms(paper, expansion)).containsExactly("mixtur", "expert");
        assertThat(expansion.surface()).isEqualTo("mixture of experts");
        assertThat(byForm).doesNotContainKey("moe");
    }
}
