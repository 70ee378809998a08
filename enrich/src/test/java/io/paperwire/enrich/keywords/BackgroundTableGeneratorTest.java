package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.embedded.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundTableGeneratorTest {

    private static final String ARXIV = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";

    @Test
    void shouldCountEachWordOncePerPaper(@TempDir Path dir) throws IOException {
        Path metadata = dir.resolve("papers.jsonl");
        Files.writeString(metadata, String.join("\n",
                "{\"id\":\"0001.0001\",\"title\":\"Spin glasses\",\"abstract\":\"  Spin glasses and more spin"
                        + " glasses with $\\\\beta$ quenched disorder.\\n\",\"categories\":\"cond-mat\"}",
                "{\"id\":\"0001.0002\",\"title\":\"Quenched disorder in magnets\",\"abstract\":\"Magnets.\"}",
                ""), StandardCharsets.UTF_8);

        InMemoryDocumentFrequencies counts = BackgroundTableGenerator.count(metadata);

        assertThat(counts.docCount()).isEqualTo(2);
        assertThat(counts.df("spin")).isEqualTo(1);
        assertThat(counts.df("quench")).isEqualTo(2);
        assertThat(counts.df("magnet")).isEqualTo(1);
        assertThat(counts.df("beta")).isZero();
    }

    @Test
    void shouldRejectAPaperWithoutAbstractNamingTheLine(@TempDir Path dir) throws IOException {
        Path metadata = dir.resolve("papers.jsonl");
        Files.writeString(metadata, "{\"title\":\"A\",\"abstract\":\"B\"}\n{\"title\":\"C\"}\n");

        assertThatThrownBy(() -> BackgroundTableGenerator.count(metadata))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    /** Guards against a stale table: after a change to the candidate rules the table must be regenerated. */
    @Test
    void shouldShipTheTableTheGeneratorBuildsFromTheArxivSample() throws IOException {
        Optional<Path> file = SharedData.file(ARXIV);
        Assumptions.assumeTrue(file.isPresent(), SharedData.skipReason(ARXIV));

        InMemoryDocumentFrequencies counts = BackgroundTableGenerator.count(file.get());
        StringWriter written = new StringWriter();
        BackgroundFrequencies.write(written, "regenerated", counts.docCount(), counts.snapshot());
        BackgroundFrequencies regenerated = BackgroundFrequencies.read(new StringReader(written.toString()), "new");
        BackgroundFrequencies shipped = BackgroundFrequencies.load();

        assertThat(shipped.docCount()).isEqualTo(regenerated.docCount());
        assertThat(shipped.size()).isEqualTo(regenerated.size());
        for (String term : counts.snapshot().keySet()) {
            assertThat(shipped.df(term)).as(term).isEqualTo(regenerated.df(term));
        }
    }
}
