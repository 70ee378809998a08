package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.Author;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void foldsWhitespaceAndHardLineBreaksAndComposesNfc() {
        assertThat(Normalizer.text("  Calculation of prompt\n  diphoton\t production  ")).isEqualTo(
                "Calculation of prompt diphoton production");
        assertThat(Normalizer.text("Cafe\u0301")).isEqualTo("Caf\u00e9");
        assertThat(Normalizer.text("already clean")).isSameAs("already clean");
        assertThat(Normalizer.text("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void mojibakeIsKeptAsRecorded() {
        assertThat(Normalizer.text("Dirk WÃ¼bben")).isEqualTo("Dirk WÃ¼bben");
    }

    @Test
    void plainTextRendersTexAccentsAndSimpleMath() {
        assertThat(Normalizer.plainText("C. Bal\\'azs")).isEqualTo("C. Balázs");
        assertThat(Normalizer.plainText("The $(k,\\ell)$-pebble game with $\\Lambda_{\\alpha}$"))
                .isEqualTo("The (k,ℓ)-pebble game with Λα");
        assertThat(Normalizer.plainText("Dvo\\v{r}\\'ak and M\\\"oller")).isEqualTo("Dvořák and Möller");
    }

    @Test
    void splitsAuthorListsAsArxivWritesThem() {
        assertThat(Normalizer.authorList("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan"))
                .extracting(Author::getName).containsExactly("C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
        assertThat(Normalizer.authorList("Caleb K. Lo, Robert W. Heath, Jr. and Sriram Vishwanath"))
                .extracting(Author::getName).containsExactly("Caleb K. Lo", "Robert W. Heath, Jr.", "Sriram Vishwanath");
        assertThat(Normalizer.authorList("The BABAR Collaboration, B. Aubert, et al"))
                .extracting(Author::getName).containsExactly("The BABAR Collaboration", "B. Aubert");
        List<Author> numbered = Normalizer.authorList(
                "A. One (1 and 2) and B. Two (1) ((1) First Lab, City, (2) Second Lab)");
        assertThat(numbered).containsExactly(new Author("A. One", "First Lab, City; Second Lab"),
                new Author("B. Two", "First Lab, City"));
        assertThat(Normalizer.authorList("A. Alpha (1), B. Beta (2); (1 - Uni A; 2 - Uni B)"))
                .containsExactly(new Author("A. Alpha", "Uni A"), new Author("B. Beta", "Uni B"));
    }

    @Test
    void readsOldAndNewIdentifiersWithAndWithoutVersions() {
        assertThat(ArxivId.parse("http://arxiv.org/abs/1707.08567v1")).contains(new ArxivId("1707.08567", OptionalInt.of(1)));
        assertThat(ArxivId.parse("oai:arXiv.org:hep-th/9504118")).contains(new ArxivId("hep-th/9504118", OptionalInt.empty()));
        assertThat(ArxivId.parse("arXiv:2411.17700v12")).contains(new ArxivId("2411.17700", OptionalInt.of(12)));
        assertThat(ArxivId.parse("math.GT/0309136")).map(ArxivId::key).contains("arxiv:math.GT/0309136");
        assertThat(ArxivId.parse("abc")).isEmpty();
        assertThat(ArxivId.parse("0808.05394x")).isEmpty();
    }

    @Test
    void categoriesPutThePrimaryFirstWithoutDuplicates() {
        assertThat(Normalizer.categories("cs.LG", List.of("stat.ML", "cs.LG"))).containsExactly("cs.LG", "stat.ML");
        assertThat(Normalizer.categories(" math.CO  cs.CG ")).containsExactly("math.CO", "cs.CG");
    }
}
