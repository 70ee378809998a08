package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.embedded.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SubjectPriorTest {

    private static final String FEED = "data/fixtures/rss/rss_all-archives_2024-11-28.xml";
    private final ArxivTaxonomy taxonomy = ArxivTaxonomy.load();

    @Test
    void shouldLoadTheShippedPriorBuiltFromTheAllArchivesFeed() {
        SubjectPrior prior = SubjectPrior.load();

        assertThat(prior.name()).isEqualTo("rss-all-archives-2024-11-28");
        assertThat(prior.papers()).isEqualTo(1504);
        assertThat(prior.minPapers()).isEqualTo(SubjectPriorGenerator.DEFAULT_MIN_PAPERS);
        assertThat(prior.features()).isEqualTo(27106);
        assertThat(prior.archives()).hasSize(20).contains("cs", "math", "hep-th", "cond-mat", "astro-ph");
        assertThat(prior.categories()).allSatisfy(code ->
                assertThat(taxonomy.find(code)).as(code).isPresent());
    }

    @Test
    void shouldReadWhatItWritesAndDropRareFeatures() throws IOException {
        SubjectClassifier source = new SubjectClassifier(taxonomy);
        SubjectClassifierTest.trainOnToyPapers(source);
        SubjectPrior all = SubjectPrior.of("toy", source, 1);
        SubjectPrior common = SubjectPrior.of("toy", source, 2);

        SubjectPrior read = roundTrip(all);

        assertThat(common.features()).isPositive().isLessThan(all.features());
        assertThat(read.name()).isEqualTo("toy");
        assertThat(read.papers()).isEqualTo(9);
        assertThat(read.features()).isEqualTo(all.features());
        assertThat(read.archives()).containsExactlyElementsOf(all.archives());
        assertThat(read.categories()).containsExactlyElementsOf(all.categories());
        all.categoryWeights().forEach((label, weights) -> weights.forEach((feature, weight) ->
                assertThat(read.categoryWeights().get(label).get(feature)).isCloseTo(weight,
                        org.assertj.core.api.Assertions.within(0.0005f))));
    }

    @Test
    void shouldRefuseATableBuiltForOtherFeaturesOrMalformed() throws IOException {
        String otherFeatures = "@name\tx\n@papers\t1\n@features\tword-unigrams\n@minPapers\t1\n@archives\tmath\n"
                + "@categories\tmath.DG\n7\t1\t0:1\t0:1\n";
        String badLine = "@name\tx\n@papers\t1\n@features\t" + SubjectClassifier.FEATURES + "\n@minPapers\t1\n"
                + "@archives\tmath\n@categories\tmath.DG\n7\t1\t3:1\t0:1\n";

        assertThatThrownBy(() -> SubjectPrior.read(gzip(otherFeatures), "t.tsv.gz"))
                .isInstanceOf(IOException.class).hasMessageContaining("built for features 'word-unigrams'");
        assertThatThrownBy(() -> SubjectPrior.read(gzip(badLine), "t.tsv.gz"))
                .isInstanceOf(IOException.class).hasMessageContaining("t.tsv.gz line 7: label index 3");
    }

    @Test
    void shouldRebuildTheShippedTableFromTheFeedExactly() throws IOException {
        Optional<Path> feed = SharedData.file(FEED);
        Assumptions.assumeTrue(feed.isPresent(), SharedData.skipReason(FEED));

        SubjectPrior rebuilt = SubjectPriorGenerator.build(SubjectPriorGenerator.nameOf(feed.get()),
                ArxivFeedPapers.read(feed.get()), SubjectPriorGenerator.DEFAULT_MIN_PAPERS, taxonomy);

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        rebuilt.write(written, "x");
        try (InputStream shipped = SubjectPrior.class.getResourceAsStream(SubjectPrior.RESOURCE)) {
            assertThat(countLines(new ByteArrayInputStream(written.toByteArray())))
                    .isEqualTo(countLines(shipped));
        }
    }

    /** The table without its comment lines, so the generator's description may change. */
    private static String countLines(InputStream gzipped) throws IOException {
        String text = new String(new GZIPInputStream(gzipped).readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    private static SubjectPrior roundTrip(SubjectPrior prior) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        prior.write(out, "a test table\nsecond line");
        return SubjectPrior.read(new ByteArrayInputStream(out.toByteArray()), "test");
    }

    private static InputStream gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
