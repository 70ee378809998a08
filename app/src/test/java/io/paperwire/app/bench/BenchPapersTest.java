package io.paperwire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.paperwire.embedded.SharedData;
import io.paperwire.ingest.generator.PaperGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's papers: three disjoint sets, from the generator or replicated from a corpus file, and bad corpora refused. */
class BenchPapersTest {

    private static final String SAMPLE = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";

    @TempDir
    Path dir;

    @Test
    void shouldSplitGeneratedPapersIntoThreeSetsWithDistinctKeys() throws Exception {
        BenchPapers papers = BenchPapers.make(new BenchSettings(30, 20, 5, 10, Duration.ofSeconds(1),
                Optional.empty(), 3, BenchSettings.DEFAULT_WARM_UP_LIMIT));
        assertThat(papers.measured()).hasSize(30);
        assertThat(papers.endToEnd()).hasSize(20);
        assertThat(papers.latency()).hasSize(10);
        assertThat(distinctKeys(papers)).hasSize(60);
    }

    @Test
    void shouldReplicateTheCorpusWithVariedLabelledPapers() throws Exception {
        Optional<Path> sample = SharedData.file(SAMPLE);
        Assumptions.assumeTrue(sample.isPresent(), SharedData.skipReason(SAMPLE));
        BenchPapers papers = BenchPapers.make(new BenchSettings(1500, 100, 5, 50, Duration.ofSeconds(1),
                sample, 5, BenchSettings.DEFAULT_WARM_UP_LIMIT));
        assertThat(papers.origin()).contains("replicas of 1000 papers");
        assertThat(distinctKeys(papers)).hasSize(1650);
        assertThat(Stream.of(papers.measured(), papers.endToEnd(), papers.latency()).flatMap(List::stream))
                .allSatisfy(p -> assertThat(PaperGenerator.isSynthetic(p.getArxivId())).isTrue());
        // More papers than the corpus holds, yet the replicas' texts are nearly all different from one another.
        assertThat(papers.measured().stream().map(p -> p.getTitle() + p.getAbstractText()).distinct().count())
                .isGreaterThan(1400);
    }

    @Test
    void shouldRefuseACorpusWithoutPapers() throws Exception {
        Path notACorpus = Files.writeString(dir.resolve("words.jsonl"), "not json\nnor this\n");
        assertThatThrownBy(() -> BenchPapers.readCorpus(notACorpus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an arXiv snapshot JSON Lines file");
        assertThatThrownBy(() -> BenchPapers.readCorpus(dir.resolve("missing.jsonl")))
                .hasMessageContaining("no such file");
    }

    private static Set<String> distinctKeys(BenchPapers papers) {
        Set<String> keys = new HashSet<>();
        Stream.of(papers.measured(), papers.endToEnd(), papers.latency())
                .forEach(set -> set.forEach(p -> keys.add(p.getKey())));
        return keys;
    }
}
