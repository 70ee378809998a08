package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {

    @Test
    void shouldCountDocumentsAndTermsInMemory() {
        InMemoryDocumentFrequencies frequencies = new InMemoryDocumentFrequencies();

        frequencies.observe(Set.of("graph", "kernel"));
        frequencies.observe(Set.of("graph"));

        assertThat(frequencies.docCount()).isEqualTo(2);
        assertThat(frequencies.df("graph")).isEqualTo(2);
        assertThat(frequencies.df("kernel")).isEqualTo(1);
        assertThat(frequencies.df("absent")).isZero();
    }

    @Test
    void shouldAddLiveCountsToTheBackgroundAndObserveIntoTheLivePartOnly() {
        BackgroundFrequencies background = new BackgroundFrequencies(10, Map.of("graph", 4L));
        InMemoryDocumentFrequencies live = new InMemoryDocumentFrequencies();
        SeededDocumentFrequencies seeded = new SeededDocumentFrequencies(background, live);

        seeded.observe(Set.of("graph", "kernel"));

        assertThat(seeded.docCount()).isEqualTo(11);
        assertThat(seeded.df("graph")).isEqualTo(5);
        assertThat(seeded.df("kernel")).isEqualTo(1);
        assertThat(live.docCount()).isEqualTo(1);
        assertThat(background.df("graph")).isEqualTo(4);
    }

    @Test
    void shouldWriteAndReadATableSortedByTerm() throws IOException {
        StringWriter out = new StringWriter();
        BackgroundFrequencies.write(out, "two lines\nof description", 3, Map.of("zeta", 1L, "alpha beta", 3L));

        assertThat(out.toString()).isEqualTo("# two lines\n# of description\n@docCount\t3\nalpha beta\t3\nzeta\t1\n");
        BackgroundFrequencies table = BackgroundFrequencies.read(new StringReader(out.toString()), "t");
        assertThat(table.docCount()).isEqualTo(3);
        assertThat(table.df("alpha beta")).isEqualTo(3);
        assertThat(table.df("zeta")).isEqualTo(1);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void shouldRejectAMalformedTableNamingTheLine() {
        assertThatThrownBy(() -> BackgroundFrequencies.read(new StringReader("@docCount\t3\ngraph 2\n"), "bg.tsv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bg.tsv line 2");
        assertThatThrownBy(() -> BackgroundFrequencies.read(new StringReader("@docCount\t3\ngraph\tx\n"), "bg.tsv"))
                .hasMessageContaining("line 2").hasMessageContaining("not a number");
        assertThatThrownBy(() -> BackgroundFrequencies.read(new StringReader("graph\t2\n"), "bg.tsv"))
                .hasMessageContaining("@docCount");
        assertThatThrownBy(() -> BackgroundFrequencies.read(new StringReader("@docCount\t1\ngraph\t2\n"), "bg.tsv"))
                .hasMessageContaining("only 1");
    }

    @Test
    void shouldLoadTheShippedBackgroundTable() {
        BackgroundFrequencies table = BackgroundFrequencies.load();

        assertThat(table.docCount()).isEqualTo(1000);
        assertThat(table.size()).isGreaterThan(3000);
        // Common words of physics and mathematics abstracts are frequent, a rare one is not.
        assertThat(table.df("model")).isGreaterThan(100);
        assertThat(table.df("field")).isGreaterThan(table.df("superconduct"));
        assertThat(table.df("the")).isZero();
    }
}
